using System.Diagnostics;

namespace CrewPass.Conformance.Clients;

/// <summary>
/// The interpreter `python3` stands for, asked once: a version manager's shim costs several times the interpreter's own
/// start, and would otherwise run before every scenario of every client (bench/figures.md).
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
