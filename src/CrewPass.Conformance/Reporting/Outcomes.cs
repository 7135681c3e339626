namespace CrewPass.Conformance.Reporting;

/// <summary>The outcome names the report and its schema use, one word or phrase each.</summary>
public static class Outcomes
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Warning = "warning";
    public const string Skipped = "skipped";
    public const string NotApplicable = "not applicable";
    public const string KnownDeviation = "known deviation";
    public const string NotYetCovered = "not yet covered";

    /// <summary>The check could not be completed: no answer came (after retries for reads). Not a conformance verdict; the gate still fails.</summary>
    public const string TransportError = "transport error";

    /// <summary>The answers the check got prove nothing about its clause (a refused read, a 429): no verdict, the exchange attached.</summary>
    public const string Inconclusive = "inconclusive";

    /// <summary>The harness itself failed inside a check (an exception that is no assertion): not a verdict on the target; the gate fails.</summary>
    public const string HarnessError = "harness error";

    public static readonly string[] All = [Passed, Failed, Warning, Skipped, NotApplicable, KnownDeviation, TransportError, Inconclusive, HarnessError];
}
