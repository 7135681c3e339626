using System.Diagnostics;
using System.Globalization;
using CrewPass.Conformance.Http;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// The target's clock, read from its Date header: a harness that signed with its own clock would give false verdicts
/// against a server whose clock is off. Date has one-second resolution, so the estimate takes the middle of that second;
/// the error is at most half a second plus the round trip, which SkewMargin covers.
/// </summary>
public sealed class ServerClock
{
    private readonly DateTimeOffset _serverAtReading;
    private readonly Stopwatch _sinceReading;

    private ServerClock(DateTimeOffset serverAtReading, Stopwatch sinceReading, TimeSpan roundTrip)
    {
        _serverAtReading = serverAtReading;
        _sinceReading = sinceReading;
        RoundTrip = roundTrip;
    }

    public TimeSpan RoundTrip { get; }

    public DateTimeOffset Now => _serverAtReading + _sinceReading.Elapsed;

    public long NowSeconds => Now.ToUnixTimeSeconds();

    public static ServerClock From(Exchange answer)
    {
        var clock = Stopwatch.StartNew();
        if (!DateTimeOffset.TryParseExact(answer.Header(HeaderNames.Date), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            throw new InvalidOperationException($"the target sent no usable Date header ({answer.Header(HeaderNames.Date) ?? "none"}), so its clock cannot be read");
        // The server wrote Date somewhere in [date, date + 1 s), about half a round trip before the answer arrived.
        return new ServerClock(date + TimeSpan.FromMilliseconds(500) + answer.Elapsed / 2, clock, answer.Elapsed);
    }
}
