using System.Collections.Concurrent;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using CrewPass.Reference;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites.Infrastructure;

public static class Run
{
    /// <summary>The fixture name of a deployment given by BaseUrl: the same for every deployment, so test ids are too.</summary>
    public const string DeploymentName = "deployment";

    private static readonly Lazy<RunPlan> PlanState = new(MakePlan);
    private static readonly Lazy<RunState> State = new(() => ResolveAsync(Planned).GetAwaiter().GetResult());
    private static int _preflightReported;

    public static RunPlan Planned => PlanState.Value;

    public static RunState Current => State.Value;

    public static HarnessSettings? Settings => Planned.Settings;

    /// <summary>
    /// A failed preflight is reported once, by whichever runs first: the preflight test or (under a filter that left
    /// it out) the first check. Every other check of the run is "not run", so the one message stands alone.
    /// </summary>
    public static bool ClaimPreflightReport() => Interlocked.Exchange(ref _preflightReported, 1) == 0;

    private static RunPlan MakePlan()
    {
        HarnessSettings settings;
        try
        {
            var parameters = TestContext.Parameters.Names.ToDictionary(n => n, n => TestContext.Parameters[n] ?? "", StringComparer.Ordinal);
            settings = HarnessSettings.Load(parameters, RunEnvironment.Variables);
        }
        catch (HarnessConfigurationException e)
        {
            return new RunPlan(null, [NameFromBaseUrlAlone()], [e.Message], 0, []);
        }
        var seed = settings.FuzzSeed ?? Random.Shared.Next(1, 1_000_000);
        // A reference at scale declares its further reads as a deployment's profile would, before the cases are listed.
        if (settings.IsEmbedded && settings.EmbeddedExtraEndpoints is > 0 and var extra && !settings.HasEndpointRows)
            settings = settings.With(new Dictionary<string, string>
            {
                ["Endpoints"] = ExtraReadEndpoints.ProfileRows(extra, Path.Combine(AppContext.BaseDirectory, "fixtures", "profiles")),
            });
        try
        {
            var deviations = KnownDeviations.Load(settings.KnownDeviationsFile, Conformance.Schemas.SchemaCatalogue.Bundled);
            var names = settings.IsEmbedded ? EmbeddedInstances(settings).Select(i => i.Name).ToArray() : [DeploymentName];
            return new RunPlan(settings, names, [], seed, deviations);
        }
        catch (HarnessConfigurationException e)
        {
            return new RunPlan(settings, [settings.IsEmbedded ? "embedded" : DeploymentName], [e.Message], seed, []);
        }
    }

    /// <summary>
    /// The target's fixture name when the settings do not load: still listed, so a filtered run has a check to report
    /// the one message on (a filter never leaves only "no test matches").
    /// </summary>
    private static string NameFromBaseUrlAlone() =>
        (RunEnvironment.Get("CREWPASS_BASE_URL") ?? TestContext.Parameters["BaseUrl"] ?? "embedded") is var url
        && url.Equals("embedded", StringComparison.OrdinalIgnoreCase) ? "embedded" : DeploymentName;

    private static async Task<RunState> ResolveAsync(RunPlan plan)
    {
        var startedAt = DateTimeOffset.UtcNow;
        if (plan.Settings is not { } settings || plan.Problems.Count > 0)
            return new RunState(plan.Settings, [], plan.Problems, plan.FuzzSeed, new ConcurrentBag<ReferenceHost>(), plan.KnownDeviations, startedAt);
        var (seed, deviations) = (plan.FuzzSeed, plan.KnownDeviations);
        var hosts = new ConcurrentBag<ReferenceHost>();
        var candidates = new List<(string Name, HarnessSettings Settings, Func<TargetUnderTest, Task<TargetUnderTest?>> WriteSurface)>();
        try
        {
            if (settings.IsEmbedded)
            {
                // Side by side: the matrices' instances one after another kept the first check waiting for all of them.
                var instances = EmbeddedInstances(settings).ToArray();
                var started = await Task.WhenAll(instances.Select(i => Task.Run(() => StartAsync(i.Options, hosts))));
                foreach (var ((name, options, profile), host) in instances.Zip(started))
                {
                    var own = profile is null ? settings : settings.WithProfile(profile);
                    candidates.Add((name, own.With(EmbeddedSettings(host)), target => EmbeddedWriteSurfaceAsync(target, options, hosts)));
                }
            }
            else
            {
                candidates.Add((DeploymentName, settings,
                    target => Task.FromResult(target.Settings.WriteSurfaceEnabled ? target : null)));
            }
        }
        catch (HarnessConfigurationException e)
        {
            return new RunState(settings, [], [e.Message], seed, hosts, deviations, startedAt);
        }

        var probes = candidates.Select(c => ConnectAsync(c.Name, c.Settings, c.WriteSurface)).ToArray();
        var outcomes = await Task.WhenAll(probes);
        return new RunState(settings,
            outcomes.Select(o => o.Target).OfType<TargetUnderTest>().ToArray(),
            outcomes.Select(o => o.Problem).OfType<string>().ToArray(),
            seed, hosts, deviations, startedAt);
    }

    private static async Task<ReferenceHost> StartAsync(ReferenceOptions options, ConcurrentBag<ReferenceHost> hosts)
    {
        var host = await ReferenceHost.StartAsync(options);
        hosts.Add(host);
        return host;
    }

    /// <summary>The embedded target's v2 preview: a second reference instance with the write surface enabled and the same faults.</summary>
    private static async Task<TargetUnderTest?> EmbeddedWriteSurfaceAsync(TargetUnderTest target, ReferenceOptions options, ConcurrentBag<ReferenceHost> hosts)
    {
        if (target.Settings.WriteSurfaceEnabled) return target;
        var host = await StartAsync(options with { WriteSurface = CrewPass.Reference.WriteSurface.Enabled }, hosts);
        var settings = target.Settings.With(new Dictionary<string, string>(EmbeddedSettings(host)) { ["WriteSurface"] = "enabled" });
        var (companion, problem) = await ConnectAsync(target.Name + "/v2", settings, t => Task.FromResult<TargetUnderTest?>(t));
        return companion ?? throw new InvalidOperationException($"the embedded v2 instance did not start: {problem}");
    }

    private static async Task<(TargetUnderTest? Target, string? Problem)> ConnectAsync(string name, HarnessSettings settings,
        Func<TargetUnderTest, Task<TargetUnderTest?>> writeSurface)
    {
        Redactor.Register(settings.Secrets);
        try
        {
            var baseUrl = new Uri(settings.BaseUrl);
            Preflight.CheckTransport(baseUrl);
            var client = new ConformanceClient(baseUrl, CertificateTrust.From(settings.CaCertificate), settings.RequestTimeout, settings.MaxInFlight);
            var facts = await Preflight.RunAsync(settings, client);
            return (new TargetUnderTest(name, settings, client, facts, writeSurface), null);
        }
        catch (HarnessConfigurationException e)
        {
            return (null, Redactor.Redact(e.Message));
        }
    }

    /// <summary>
    /// The faithful reference, plus one instance per fault named in EmbeddedFaults and one per legal choice named in
    /// EmbeddedVariations (`all` for every one), each choice checked with its profile from fixtures/profiles when it has one.
    /// </summary>
    private static IEnumerable<(string Name, ReferenceOptions Options, string? Profile)> EmbeddedInstances(HarnessSettings settings)
    {
        var surface = settings.WriteSurfaceEnabled ? CrewPass.Reference.WriteSurface.Enabled : CrewPass.Reference.WriteSurface.Disabled;
        var convention = settings.RateLimitHeaders switch
        {
            RateLimits.RateLimitConvention.IetfDraft => HeaderConvention.IetfDraft,
            RateLimits.RateLimitConvention.IetfStructured => HeaderConvention.IetfStructured,
            _ => HeaderConvention.XRateLimit,
        };
        // On an added read, only the faults that act on a read can sit there; each then sits there alone.
        var onAdded = settings.FaultsOnAddedEndpoint;
        var placeable = onAdded ? FaultCatalogue.All.Where(f => f.OnAnyRead).ToList() : FaultCatalogue.All.ToList();
        var faults = settings.EmbeddedFaults switch
        {
            null => [],
            "all" => placeable,
            var list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name =>
                FaultCatalogue.TryParse(name, out var fault) && placeable.Any(f => f.Fault == fault)
                    ? FaultCatalogue.Describe(fault)
                    : throw new HarnessConfigurationException("EmbeddedFaults",
                        $"EmbeddedFaults: '{name}' is not a fault of the reference{(onAdded ? " that acts on a read (EmbeddedFaultsOn=added)" : "")}; the faults are {string.Join(", ", placeable.Select(f => f.Name))}")).ToList(),
        };
        var faultPath = onAdded ? ExtraReadEndpoints.ScalePath(1) : null;
        var faithful = new ReferenceOptions
        {
            WriteSurface = surface,
            RateLimitHeaders = convention,
            ClockOffset = TimeSpan.FromSeconds(settings.EmbeddedClockOffset),
            Trouble = settings.EmbeddedTrouble is { } trouble ? NetworkTrouble.Parse(trouble) : NetworkTrouble.None,
            ExtraEndpoints = settings.EmbeddedExtraEndpoints,
        };
        var choices = settings.EmbeddedVariations switch
        {
            null => [],
            "all" => LegalChoices.All.ToList(),
            var list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name =>
                LegalChoices.TryParse(name, out var choice)
                    ? LegalChoices.All.Single(c => c.Choice == choice)
                    : throw new HarnessConfigurationException("EmbeddedVariations",
                        $"EmbeddedVariations: '{name}' is not a legal choice of the reference; the choices are {string.Join(", ", LegalChoices.All.Select(c => c.Name))}")).ToList(),
        };
        yield return ("embedded", faithful, null);
        foreach (var fault in faults)
            yield return ($"embedded+{fault.Name}", faithful with { Faults = new HashSet<Fault> { fault.Fault }, FaultPath = faultPath }, null);
        foreach (var choice in choices)
        {
            var profile = Path.Combine(AppContext.BaseDirectory, "fixtures", "profiles", choice.Name + ".json");
            yield return ($"embedded~{choice.Name}", faithful with { Choices = new HashSet<LegalChoice> { choice.Choice } }, File.Exists(profile) ? profile : null);
        }
    }

    private static Dictionary<string, string> EmbeddedSettings(ReferenceHost host)
    {
        var c = host.Credentials;
        return new Dictionary<string, string>
        {
            ["BaseUrl"] = host.BaseUrl,
            ["CaCertificate"] = host.CaCertificatePem,
            ["LiveKey"] = c.LiveKey,
            ["TestKey"] = c.TestKey,
            ["WidgetKey"] = c.WidgetKey,
            ["RevokedKey"] = c.RevokedKey,
            ["RestrictedKey"] = c.RestrictedKey,
            ["OtherPartnerKey"] = c.OtherPartnerKey,
            ["RateLimitKey"] = c.RateLimitKey,
            ["SigningSecret"] = c.SigningSecret,
            ["OtherSigningSecret"] = c.OtherSigningSecret,
            // The reference's rate-limit partner exists to be exhausted.
            ["AllowRateLimitExhaustion"] = "true",
        };
    }
}
