namespace CrewPass.Conformance.Tests;

/// <summary>A test's outcome as TRX names it (the one-process runner writes the same names): NUnit's view, not the report's.</summary>
public enum TrxOutcome
{
    Passed,
    Failed,
    NotExecuted,
    Inconclusive,
    Warning,
    Error,
    Timeout,
    Aborted,
}
