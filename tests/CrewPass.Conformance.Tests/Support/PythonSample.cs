using System.Diagnostics;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The Python sample client (fixtures/clients/python), run once in a folder with the environment a session served.
/// </summary>
public static class PythonSample
{
    /// <summary>
    /// The interpreter python3 stands for, asked once: a version manager's shim (pyenv's) would run before every
    /// scenario of every session.
    /// </summary>
    private static readonly Lazy<string> Interpreter = new(() =>
    {
        using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"])
        {
            RedirectStandardOutput = true,
        })!;
        var path = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        return path.Length > 0 ? path : "python3";
    });

    /// <summary>The client's exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string folder,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Interpreter.Value)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        // -S as the harness runs the sample: it needs the standard library only, and site's imports cost each start.
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(Repository.Path("fixtures", "clients", "python", "client.py"));
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = await Task.WhenAll(process.StandardOutput.ReadToEndAsync(),
            process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, string.Concat(output));
    }

    /// <summary>client.env's lines as a dictionary.</summary>
    public static Dictionary<string, string> Environment(string clientEnv) =>
        clientEnv.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => line.Split('=', 2)[0], line => line.Split('=', 2)[1]);
}
