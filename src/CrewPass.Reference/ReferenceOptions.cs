namespace CrewPass.Reference;

public enum WriteSurface { Disabled, Enabled }

/// <summary>How one reference instance behaves. A fault is switched on per instance, never globally.</summary>
public sealed record ReferenceOptions
{
    public IReadOnlySet<Fault> Faults { get; init; } = new HashSet<Fault>();
    public WriteSurface WriteSurface { get; init; } = WriteSurface.Disabled;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Runs the server's clock ahead (positive) or behind real time; a conforming server may be off by tens of seconds.</summary>
    public TimeSpan ClockOffset { get; init; } = TimeSpan.Zero;

    /// <summary>Which rate-limit headers the instance writes.</summary>
    public RateLimitConvention RateLimitConvention { get; init; } = RateLimitConvention.XRateLimit;

    public bool Has(Fault fault) => Faults.Contains(fault);
}
