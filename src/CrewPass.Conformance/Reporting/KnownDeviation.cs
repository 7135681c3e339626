using CrewPass.Conformance.Clauses;

namespace CrewPass.Conformance.Reporting;

public sealed record KnownDeviation(string Clause, string? Test, string Reason, DateOnly Expires)
{
    public bool Covers(string clause, string testName) =>
        Clause == clause && (Test is null || testName.Contains(Test, StringComparison.Ordinal));

    public bool ExpiredOn(DateOnly day) => day > Expires;

    public override string ToString() => $"{Clause}{(Test is null ? "" : $" ({Test})")} until {Expires:yyyy-MM-dd}: {Reason}";
}
