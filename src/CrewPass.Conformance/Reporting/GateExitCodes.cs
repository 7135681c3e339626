namespace CrewPass.Conformance.Reporting;

/// <summary>
/// The exit-code contract every verb of the tool ends with, read from the report's gate: a CI can tell "staging is down"
/// (2) from "staging broke the contract" (1).
/// </summary>
public static class GateExitCodes
{
    public const int Conformant = 0;
    public const int NotConformant = 1;
    public const int CannotTest = 2;
    public const int TransportErrorsOnly = 3;
    public const int MustClauseUnanswered = 4;

    /// <summary>Every code, in order: README's table is generated from it.</summary>
    public static IReadOnlyList<int> All { get; } = [Conformant, NotConformant, CannotTest, TransportErrorsOnly, MustClauseUnanswered];

    public static string Meaning(int code) => code switch
    {
        Conformant => "conformant",
        NotConformant => "not conformant: a failure at the gate's level",
        CannotTest => "cannot test: settings, preflight, unreachable target, no test selected, or the harness failed",
        TransportErrorsOnly => "only transport errors stood between the run and a verdict",
        MustClauseUnanswered => "no verdict on a MUST clause: its checks were inconclusive, or none ran (a filter); never conformant",
        _ => "unknown",
    };
}
