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
    // What the runner printed and each run sent and answered, for reading a failure: beside the runs' folders.
    private readonly string _logPath = Scratch.NewFile("warm-runner.log");
    private readonly StreamWriter _log;

    /// <summary>Far longer than any run takes (the fault matrix is the longest): past it, a run fails rather than waits for ever.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    private WarmRunner()
    {
        _log = new StreamWriter(_logPath) { AutoFlush = true };
        // Timed by itself (HARNESS_CPU_LOG): /usr/bin/time would see it end only after the harness has.
        var start = SuiteRun.StartInfo("warm-runner", new Dictionary<string, string>(), [Repository.RunnerAssembly, Repository.SuitesAssembly, "--serve"], timed: false);
        start.RedirectStandardInput = true;
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            Log(line.Data);
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

    public static Task<(int Exit, string? Error)> RunAsync(string name, IReadOnlyDictionary<string, string> environment, string? where, string outcomes, string output, int? workers) =>
        Shared.Value.SendAsync(name, environment, where, outcomes, output, workers);

    private Task<(int Exit, string? Error)> SendAsync(string name, IReadOnlyDictionary<string, string> environment, string? where, string outcomes, string output, int? workers)
    {
        var id = $"{name}-{Guid.NewGuid():N}";
        var answer = new TaskCompletionSource<(int, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = answer;
        var line = JsonSerializer.Serialize(new { id, environment, where, outcomes, output, workers }, Json);
        lock (_gate)
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine(line);
                Log($"sent {id}");
                return BoundedAsync(id, answer.Task);
            }
        }
        if (_waiting.TryRemove(id, out _)) answer.SetException(Ended());
        return answer.Task;
    }

    private async Task<(int Exit, string? Error)> BoundedAsync(string id, Task<(int Exit, string? Error)> answer)
    {
        try
        {
            return await answer.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            _waiting.TryRemove(id, out _);
            throw new TimeoutException($"the warm runner did not answer run {id} within {Bound.TotalMinutes} minutes; what it was sent, read and printed: {_logPath}");
        }
    }

    private async Task ReadAnswersAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Answer? answer;
            try { answer = JsonSerializer.Deserialize<Answer>(line, Json); }
            catch (JsonException) { answer = null; }
            Log(answer is null ? $"not an answer: {line}" : $"answered {answer.Id}: exit {answer.Exit}");
            if (answer is not null && _waiting.TryRemove(answer.Id, out var waiting)) waiting.SetResult((answer.Exit, answer.Error));
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

    private void Log(string line)
    {
        lock (_log) _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    private sealed record Answer(string Id, int Exit, string? Error);
}
