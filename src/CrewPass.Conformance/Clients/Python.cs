using System.Diagnostics;

namespace CrewPass.Conformance.Clients;

/// <summary>
/// The interpreter `python3` stands for, asked once. A version manager's shim (pyenv's here: a shell script and five
/// more, ~0.35 CPU-s a start against 0.04 for the interpreter) would otherwise run before every scenario of every client.
/// </summary>
public static class Python
{
    private static readonly Lazy<string?> Found = new(() =>
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var path = python.StandardOutput.ReadToEnd().Trim();
            python.WaitForExit();
            return python.ExitCode == 0 && File.Exists(path) ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    });

    /// <summary>The interpreter's full path, or null when there is no python3 on PATH (or it says nothing usable).</summary>
    public static string? Interpreter => Found.Value;
}
