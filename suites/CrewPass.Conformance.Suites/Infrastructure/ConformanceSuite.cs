using System.Text;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// The base of every suite: one fixture per target, and the few verbs a check is written in.
/// A failing check says what it expected, what it got, and shows the exchanges, redacted.
/// </summary>
[TestFixtureSource(typeof(Cases), nameof(Cases.Targets))]
public abstract class ConformanceSuite(TargetUnderTest target)
{
    public TargetUnderTest Target { get; } = target;
    /// <summary>The settings of the deployment the check talks to (the signing checks may talk to the write-surface companion).</summary>
    protected virtual HarnessSettings Settings => Target.Settings;
    protected ConformanceClient Client => Target.Client;
    protected static SchemaCatalogue Schemas => SchemaCatalogue.Bundled;

    /// <summary>The value of an optional setting, or a skip that names it (a failure under Strict=true).</summary>
    protected string Need(string setting)
    {
        if (Settings[setting] is { } value) return value;
        var definition = SettingDefinitions.Find(setting)!;
        throw new NeedsSetting(setting, $"set {definition.EnvironmentName} or the runsettings parameter {setting}. {definition.Description}");
    }

    /// <summary>The check's one assertion: expected against actual, with the exchanges as evidence.</summary>
    protected static void Expect(bool holds, string expected, string actual, params Exchange[] evidence)
    {
        if (holds) return;
        var message = new StringBuilder().Append("expected ").AppendLine(expected).Append("  actual ").AppendLine(actual);
        foreach (var exchange in evidence) message.AppendLine("evidence:").Append(exchange.Evidence());
        Assert.Fail(message.ToString());
    }

    protected string? ErrorCode(Exchange exchange) => exchange.StringAt(Settings.ErrorCodePointer);

    protected string Summary(Exchange exchange) =>
        $"{exchange.Status} {exchange.Reason}" + (ErrorCode(exchange) is { } code ? $" with code {code}" : "");

    /// <summary>The scopes /partners/me lists for a key (empty when it does not answer with a list).</summary>
    protected async Task<IReadOnlySet<string>> GrantedScopesAsync(string keySetting)
    {
        var me = await Target.ObserveAsync(ContractDefaults.MePath, keySetting);
        return me.Json?["scopes"] is System.Text.Json.Nodes.JsonArray scopes
            ? scopes.Select(s => s?.ToString() ?? "").ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }

    /// <summary>
    /// The key was accepted: a 2xx, or, where the key's plan does not grant the endpoint's scope, the
    /// insufficient_scope refusal (the key was recognised; ME-03 judges the scope).
    /// </summary>
    protected async Task<bool> AcceptedAsync(Exchange answer, Endpoint endpoint, string keySetting)
    {
        if (answer.IsSuccess) return true;
        if (endpoint.Scope is null || (await GrantedScopesAsync(keySetting)).Contains(endpoint.Scope)) return false;
        return answer.Status == Settings.InsufficientScopeStatus && ErrorCode(answer) == "insufficient_scope";
    }
}
