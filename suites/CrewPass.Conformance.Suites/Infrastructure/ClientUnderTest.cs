using CrewPass.Conformance.Clients;
using CrewPass.Reference;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>A client the run judges: the one ClientCommand or ClientRecording names (or the sample), or a faulty variant of the sample.</summary>
public sealed record ClientUnderTest(string Name, string? Command, string? Recording, string? Fault, string DisplayName)
{
    public const string FixtureName = "client";

    /// <summary>
    /// The sample client, the client against `embedded` when none is given. It needs the standard library only: -S skips
    /// site-packages' start-up hooks, which on a machine with many packages cost more than the client, and the client
    /// matrix starts it once per scenario of every variant.
    /// </summary>
    public static string SampleCommand => $"{SampleInterpreter} -S {Path.Combine(AppContext.BaseDirectory, "fixtures", "clients", "python", "client.py")}";

    /// <summary>python3's interpreter itself (Python.Interpreter: no version manager's shim per scenario), as one shell word.</summary>
    private static string SampleInterpreter => Python.Interpreter is { } path && !path.Contains(' ') ? path : "python3";
}
