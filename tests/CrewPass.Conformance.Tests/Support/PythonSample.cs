using System.Diagnostics;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The Python sample client (fixtures/clients/python), run once in a folder with the environment a session served.
/// </summary>
public static class PythonSample
{
    /// <summary>The client's exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string folder,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
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
