using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Verdicts;

namespace CrewPass.Conformance;

/// <summary>
/// The engine's entry point for hosts that are not a test run (a service, a tool): judges a client's recording
/// in-process, with the same checks and the same gate as the CLIENT suite.
/// </summary>
public static class Judge
{
    /// <summary>
    /// Judges the folder a client-certification sandbox recorded (one subfolder per scenario). The client's exit
    /// status is not in a recording, so those halves are named as not judged, never passed.
    /// </summary>
    public static async Task<ClientJudgement> ClientRecordingAsync(string folder, JudgeOptions? options = null)
    {
        options ??= new JudgeOptions();
        var started = DateTimeOffset.UtcNow;
        var sessions = new RecordedSessions(Path.GetFullPath(folder));
        var problem = sessions.Problem();
        var name = options.ClientName ?? $"the client recorded in {sessions.Folder}";
        var verdicts = problem is null ? await VerdictsAsync(sessions, options) : [];
        var described = new Dictionary<string, string> { ["ClientRecording"] = sessions.Folder };
        var client = TargetReports.Client("client", name, described, verdicts);
        var unchecked_ = ClauseCatalogue.All.Where(c => c.Covered && c.Level == ClauseLevel.Must && c.JudgesClient
            && verdicts.All(v => v.Clause != c.Id))
            .Select(c => $"{c.Id} MUST on client: no check ran").ToArray();
        var problems = problem is null ? [] : new[] { problem };
        var gate = Gate.Of(problems, verdicts, problem is null ? unchecked_ : [], [client], options.Strict,
            options.FailOnShould);
        var report = new ConformanceReport(HarnessInfo.Current, started, DateTimeOffset.UtcNow, new RequestReport(0,
            new Dictionary<string, int>(), 0, 0, 0),
            gate, problems, [client], ConformanceReport.NotCoverable, null);
        return new ClientJudgement(verdicts, report);
    }

    private static async Task<Verdict[]> VerdictsAsync(IClientSessions sessions, JudgeOptions options)
    {
        var cases = ClientChecks.All.SelectMany(c => c.Cases).ToArray();
        return await Task.WhenAll(cases.Select(c => RunAsync(c, sessions, options)));
    }

    private static async Task<Verdict> RunAsync(ClientCheckCase check, IClientSessions sessions, JudgeOptions options)
    {
        var clause = ClauseCatalogue.Get(check.Check.Clause);
        var transcript = new List<string>();
        ConformanceClient.Transcript.Value = transcript;
        Exception? ended = null;
        try
        {
            await check.RunAsync(sessions);
        }
        catch (Exception e)
        {
            ended = e;
        }
        var (outcome, message) = CheckClassifier.Of(ended, clause, options.FailOnShould, transcript);
        if (outcome is Outcome.Failed or Outcome.Warning) message = $"[{clause.Id} {clause.LevelName}] {message}";
        return new Verdict("client", clause.Id, clause.Level, check.Name, outcome, Redactor.Redact(message),
            transcript.ToArray(),
            (ended as Inconclusive)?.Owner, (ended as NotJudged)?.Half, (ended as NeedsSetting)?.Setting);
    }
}
