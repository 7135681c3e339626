namespace CrewPass.Reference;

/// <summary>The server's clock, optionally ahead of or behind real time: a conforming server may be off by tens of seconds.</summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
