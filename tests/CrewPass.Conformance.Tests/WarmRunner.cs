using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The harness's one CrewPass.Conformance.Runner --serve, started by the first run that asks and shared by every run
/// after it: each run a JSON line in, its exit code a JSON line out, several at once. It ends with the harness (its
/// standard input closes); if it ends before, every run waiting on it fails with what it printed.
/// </summary>
internal sealed class WarmRunner
{
    private static readonly Lazy<WarmRunner> Shared = new(() => new WarmRunner());
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(int Exit, string? Error)>> _waiting = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    private WarmRunner()
    {
        // Timed by itself (HARNESS_CPU_LOG): /usr/bin/time would see it end only after the harness has.
        var start = SuiteRun.StartInfo("warm-runner", new Dictionary<string, string>(), [Repository.RunnerAssembly, Repository.SuitesAssembly, "--serve"], timed: false);
        start.RedirectStandardInput = true;
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (_gate)
                if (_errors.Length < 64 * 1024) _errors.AppendLine(line.Data);
        };
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadAnswersAsync);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            _process.StandardInput.Close();
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        };
    }

    public static Task<(int Exit, string? Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string? where, string outcomes, string output) =>
        Shared.Value.SendAsync(environment, where, outcomes, output);

    private Task<(int Exit, string? Error)> SendAsync(IReadOnlyDictionary<string, string> environment, string? where, string outcomes, string output)
    {
        var id = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<(int, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        var line = JsonSerializer.Serialize(new { id, environment, where, outcomes, output }, Json);
        lock (_gate)
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine(line);
                return answer.Task;
            }
        }
        if (_waiting.TryRemove(id, out _)) answer.SetException(Ended());
        return answer.Task;
    }

    private async Task ReadAnswersAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var answer = JsonSerializer.Deserialize<Answer>(line, Json)!;
            if (_waiting.TryRemove(answer.Id, out var waiting)) waiting.SetResult((answer.Exit, answer.Error));
        }
        await _process.WaitForExitAsync();
        foreach (var id in _waiting.Keys)
            if (_waiting.TryRemove(id, out var waiting)) waiting.SetException(Ended());
    }

    private InvalidOperationException Ended()
    {
        lock (_gate)
            return new InvalidOperationException($"the warm runner ended (exit {(_process.HasExited ? _process.ExitCode : -1)}) with runs waiting on it; it printed:\n{_errors}");
    }

    private sealed record Answer(string Id, int Exit, string? Error);
}
