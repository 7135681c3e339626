using System.CommandLine;

namespace CrewPass.Conformance.Tool;

/// <summary>
/// The tool's own part of the exit-code contract: what it decides before or without a report. Every other exit code is
/// the report's (gate.exitCode, gate.meaning), so the tool and a `jq` line over the report always agree.
/// </summary>
public static class ToolExit
{
    public const int CannotTest = CrewPass.Reference.SandboxCommand.BadInput;

    /// <summary>The report's gate codes the tool reads again (GateExitCodes: the tool carries the suites, not the engine).</summary>
    public const int Conformant = 0;
    public const int MustClauseUnanswered = 4;
}
