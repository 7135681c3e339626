namespace CrewPass.Reference;

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
