namespace CrewPass.Reference;

public enum WriteSurface { Disabled, Enabled }

/// <summary>How one reference instance behaves. A fault is switched on per instance, never globally.</summary>
public sealed record ReferenceOptions
{
    private readonly IReadOnlySet<Fault> _faults = new HashSet<Fault>();
    private Behaviour? _behaviour;

    /// <summary>The faults switched on; each bends <see cref="Behaviour"/>, which is all the handlers read.</summary>
    public IReadOnlySet<Fault> Faults
    {
        get => _faults;
        init
        {
            _faults = value;
            _behaviour = null;
        }
    }

    /// <summary>What this instance does: the contract, bent by its faults once (FaultBehaviours).</summary>
    public Behaviour Behaviour => _behaviour ??= FaultBehaviours.Compose(_faults);
    public WriteSurface WriteSurface { get; init; } = WriteSurface.Disabled;

    /// <summary>
    /// Every answer names the reference (X-CrewPass-Reference), so no harness certifies it as a deployment. Only a test
    /// that stands the reference in for a deployment nobody here wrote turns it off, in-process; no command line does.
    /// </summary>
    public bool IdentifiesItself { get; init; } = true;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Runs the server's clock ahead (positive) or behind real time; a conforming server may be off by tens of seconds.</summary>
    public TimeSpan ClockOffset { get; init; } = TimeSpan.Zero;

    /// <summary>Which rate-limit headers the instance writes.</summary>
    public HeaderConvention RateLimitHeaders { get; init; } = HeaderConvention.XRateLimit;

    /// <summary>How many partner sets (one per harness user sharing the instance) it issues.</summary>
    public int PartnerSets { get; init; } = 1;

    /// <summary>Network trouble to inject (latency, resets, slow answers); none by default.</summary>
    public NetworkTrouble Trouble { get; init; } = NetworkTrouble.None;

    /// <summary>Serves two more reads, one object-shaped (fixtures/profiles/extra-reads.json declares them).</summary>
    public bool ExtraReads { get; init; }

    /// <summary>N further read endpoints, lists and objects alternately (a deployment at scale; ExtraReadEndpoints.ProfileRows declares them).</summary>
    public int ExtraEndpoints { get; init; }

    /// <summary>The legal choices (other than the defaults) this instance makes.</summary>
    public IReadOnlySet<LegalChoice> Choices { get; init; } = new HashSet<LegalChoice>();

    /// <summary>Client-certification mode: the scenario played to a partner's client; null serves as a deployment does.</summary>
    public ClientCertification? ClientCertification { get; init; }

    /// <summary>A sandbox that judges a partner's client: a test-mode partner, fresh keys and secret, the write surface on.</summary>
    public static ReferenceOptions ForClient(ClientScenario scenario, string recordTo, int seed) =>
        new() { WriteSurface = WriteSurface.Enabled, ClientCertification = new ClientCertification(scenario, recordTo, seed) };

    /// <summary>
    /// Where the faults sit. Null: where each is named, most on every path, the vessel-list ones on the vessel list. A read
    /// path (a profile-added endpoint, say): every fault acts there alone, and the rest of the instance is faithful, so a
    /// check that only ever looked at the catalogued reads cannot catch it.
    /// </summary>
    public string? FaultPath { get; init; }

    /// <summary>The read the faults named for the vessel list act on.</summary>
    public string ReadFaultPath => FaultPath ?? VesselEndpoints.ListPath;

    /// <summary>The options a request to this path is served with: faithful away from the path the faults sit on.</summary>
    public ReferenceOptions At(PathString path) =>
        FaultPath is null || path.StartsWithSegments(FaultPath) ? this : this with { Faults = new HashSet<Fault>() };

    public bool Makes(LegalChoice choice) => Choices.Contains(choice);
}

public static class RequestOptions
{
    /// <summary>The instance's options as they apply to this request (ReferenceOptions.At its path).</summary>
    public static ReferenceOptions OptionsOf(this HttpContext context) =>
        context.RequestServices.GetRequiredService<ReferenceOptions>().At(context.Request.Path);
}

/// <summary>The scenario a client-certification sandbox plays, where it records, and the seed of its generated fields.</summary>
public sealed record ClientCertification(ClientScenario Scenario, string RecordTo, int Seed);

/// <summary>
/// Transport trouble a real network brings: every answer delayed by Latency, a share of requests reset before the API
/// sees them (so a retry is always safe), and a share answered slowly. It tests the harness, not the API.
/// </summary>
public sealed record NetworkTrouble(TimeSpan Latency, double ResetShare, double SlowShare, TimeSpan SlowBy)
{
    public static NetworkTrouble None { get; } = new(TimeSpan.Zero, 0, 0, TimeSpan.Zero);

    public bool Any => Latency > TimeSpan.Zero || ResetShare > 0 || SlowShare > 0;

    /// <summary>"latency=200,resets=0.05,slow=0.02" (milliseconds and shares); slow answers take a second longer.</summary>
    public static NetworkTrouble Parse(string text)
    {
        var trouble = None with { SlowBy = TimeSpan.FromSeconds(1) };
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (part.Split('=')[0], double.Parse(part.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
            trouble = name switch
            {
                "latency" => trouble with { Latency = TimeSpan.FromMilliseconds(value) },
                "resets" => trouble with { ResetShare = value },
                "slow" => trouble with { SlowShare = value },
                _ => throw new FormatException($"unknown network trouble '{name}' (latency, resets, slow)"),
            };
        }
        return trouble;
    }
}
