namespace CrewPass.Reference;

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
