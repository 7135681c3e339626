using System.Diagnostics;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// `crewpass-conformance serve` as its own process, as staff run it: started on free loopback ports and killed with
/// SIGKILL (no shutdown, nothing flushed), then started again on the same ports and data.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string[] _arguments;
    private Process? _process;

    private ServiceProcess(string data, string? database, int port, int sandboxPort, string? key)
    {
        (Data, Database, Url, SandboxPort) = (data, database, new Uri($"http://127.0.0.1:{port}/"), sandboxPort);
        _arguments = ["serve", "--data", data, "--port", $"{port}", "--sandbox-port", $"{sandboxPort}",
            .. database is null ? Array.Empty<string>() : ["--database", database],
            .. key is null ? Array.Empty<string>() : ["--key", key]];
    }

    public string Data { get; }
    public string? Database { get; }
    public Uri Url { get; }
    public int SandboxPort { get; }

    public static async Task<ServiceProcess> StartAsync(string data, string? database = null, string? key = null)
    {
        var service = new ServiceProcess(data, database, Loopback.UnusedPort(), Loopback.UnusedPort(), key);
        await service.RestartAsync();
        return service;
    }

    /// <summary>Starts it (again), and waits until it says where it listens.</summary>
    public async Task RestartAsync()
    {
        _process = Process.Start(Tool.StartInfo(_arguments))!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var printed = new List<string>();
        while (await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            printed.Add(line);
            if (line.StartsWith("CrewPass certification service at", StringComparison.Ordinal)) break;
        }
        if (_process.HasExited)
            throw new InvalidOperationException($"serve did not start:\n{string.Join("\n", printed)}");
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>
    /// SIGKILL: the process ends between any two instructions, as a power cut or the OOM killer ends it.
    /// </summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await KillAsync();
    }
}
