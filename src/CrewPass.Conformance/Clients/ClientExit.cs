using System.Diagnostics;

namespace CrewPass.Conformance.Clients;

/// <summary>How the client ended one scenario: its exit code, or that it did not finish and was ended by its process id.</summary>
public sealed record ClientExit(int? Code, int ProcessId, TimeSpan Took, string Output)
{
    public bool Finished => Code is not null;

    public override string ToString() => Code is { } code
        ? $"exit code {code} after {Took.TotalSeconds:0.0} s"
        : $"the client did not finish within ClientTimeout ({Took.TotalSeconds:0} s); it was ended by its process id {ProcessId}";
}
