using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// A check that ends without a verdict on the target says why with a type, never with a message prefix: the wrapper
/// (<see cref="ClauseAttribute"/>) turns each into its outcome, whatever text the target put in the evidence.
/// </summary>
public abstract class CheckEnded(string message, string outcome, IReadOnlyList<Exchange>? evidence = null) : Exception(message)
{
    public string Outcome { get; } = outcome;
    public IReadOnlyList<Exchange> Evidence { get; } = evidence ?? [];
}

/// <summary>The check needs a key or setting the target did not provide: a skip naming it, a failure under Strict.</summary>
public sealed class NeedsSetting(string setting, string how)
    : CheckEnded($"needs {setting}" + (SettingDefinitions.Find(setting) is { } d ? $" ({d.EnvironmentName})" : "") + $": {how}", Outcomes.Skipped)
{
    public string Setting { get; } = setting;
}

/// <summary>The target's profile rules the check out: never a failure, strict or not.</summary>
public sealed class NotApplicable(string reason) : CheckEnded($"not applicable: {reason}", Outcomes.NotApplicable);

/// <summary>
/// A half of a clause that what the run has cannot show, such as a client's exit status when the client is judged from
/// a recording: not applicable (never a pass), and named on the report and the certificate.
/// </summary>
public sealed class NotJudged(string half, string why) : CheckEnded($"not judged: {half}: {why}", Outcomes.NotApplicable)
{
    public string Half { get; } = half;
}

/// <summary>
/// The check got answers that prove nothing about its clause (a failed or refused read, a 429): no verdict, with the
/// exchange attached. Never a pass; a failure only under Strict, where every check must conclude.
/// </summary>
public sealed class Inconclusive(string reason, params Exchange[] evidence)
    : CheckEnded($"inconclusive: {reason}" + string.Concat(evidence.Select(e => "\nevidence:\n" + e.Evidence())), Outcomes.Inconclusive, evidence)
{
    /// <summary>The clause whose requirement failed first (a precondition this check leans on), when one is known.</summary>
    public string? Owner { get; init; }

    /// <summary>Inconclusive because a precondition that <paramref name="owner"/> judges did not hold.</summary>
    public static Inconclusive OwnedBy(string owner, string reason, params Exchange[] evidence) => new(reason, evidence) { Owner = owner };
}

/// <summary>
/// The run names no client (a deployment, and neither ClientCommand nor ClientRecording): the CLIENT checks skip naming
/// both. Never a failure, strict or not: Strict judges the subjects a run has, and this run judges no client.
/// </summary>
public sealed class NoClientGiven()
    : CheckEnded("needs ClientCommand (CREWPASS_CLIENT_COMMAND) or ClientRecording (CREWPASS_CLIENT_RECORDING): the CLIENT checks judge a partner's client in the sandbox; set the client's shell command, or the folder a `--certify-client --record DIR` sandbox recorded it into", Outcomes.Skipped);
