using System.Reflection;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using NUnit.Framework;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>Turns the run's verdicts into the report, judges the gate, and decides whether a certificate may be written.</summary>
public static class RunReport
{
    /// <summary>Whether a subject of the run (a target or a client) is a client judged by the CLIENT clauses.</summary>
    public static bool IsClient(string subject) => subject == ClientUnderTest.FixtureName || subject.StartsWith(ClientUnderTest.FixtureName + "+", StringComparison.Ordinal);

    /// <summary>The clients the run judged: those it names (a run that names none only skipped the CLIENT checks).</summary>
    public static IReadOnlyList<string> JudgedClients(RunState run, IReadOnlyList<Verdict> verdicts) =>
        verdicts.Select(v => v.Target).Where(IsClient).Distinct().Order(StringComparer.Ordinal)
            .Where(c => run.Settings is { } settings && ClientRuns.Resolve(c, settings) is not null).ToArray();

    /// <summary>
    /// What the run judged: every started target, and every client a check judged. A subject the run's filter left
    /// without any check is not judged, so a client-only run says nothing of the deployment, nor the other way round.
    /// </summary>
    public static IReadOnlyList<string> JudgedSubjects(RunState run, IReadOnlyList<Verdict> verdicts) =>
        run.Targets.Select(t => t.Name).Where(t => verdicts.Any(v => v.Target == t))
            .Concat(JudgedClients(run, verdicts)).ToArray();

    /// <summary>
    /// Each judged subject's covered MUST clauses of its kind that no check of this run judged (a filter, or a profile
    /// that left a clause no case): the report lists them, and Strict fails the run for them.
    /// </summary>
    public static IReadOnlyList<(string Subject, string Clause)> UncheckedMustClauses(
        RunState run, IReadOnlyList<Verdict> verdicts)
    {
        // The clauses each subject had a check of, in one pass: the fault matrix's 81 targets × 40,339 verdicts × each
        // clause was a hot spot.
        var checkedBy = verdicts.GroupBy(v => v.Target).ToDictionary(g => g.Key, g => g.Select(v => v.Clause).ToHashSet());
        return (from subject in JudgedSubjects(run, verdicts)
                from clause in ClauseCatalogue.All
                where clause.Covered && clause.Level == ClauseLevel.Must && clause.JudgesClient == IsClient(subject)
                      && !(checkedBy.TryGetValue(subject, out var done) && done.Contains(clause.Id))
                select (subject, clause.Id)).ToArray();
    }

    public static ConformanceReport Build(
        RunState run, IReadOnlyList<Verdict> verdicts, CertificateReport? certificate, CertificateReport? clientCertificate = null)
    {
        var settings = run.Settings;
        var clients = JudgedClients(run, verdicts);
        // A client-only run (the CLIENT filter) says nothing of the embedded deployment it never judged.
        var targets = run.Targets.Where(t => clients.Count == 0 || verdicts.Any(v => v.Target == t.Name)).Select(t => Target(t, verdicts.Where(v => v.Target == t.Name).ToArray()))
            .Concat(clients.Select(c => Client(c, settings, verdicts.Where(v => v.Target == c).ToArray())))
            .ToArray();
        var unchecked_ = UncheckedMustClauses(run, verdicts).Select(u => $"{u.Clause} MUST on {u.Subject}: no check ran"
            + (settings?.Strict == true ? "; Strict needs every MUST clause checked" : " (a filter?)")).ToArray();
        var problems = run.Problems.Concat(ClientRuns.ReportedProblems).ToArray();
        // The verdicts on what the run judges: a CLIENT check skipped because the run names no client judges nothing.
        var judged = verdicts.Where(v => !IsClient(v.Target) || clients.Contains(v.Target)).ToArray();
        var gate = Gate.Of(problems, judged, unchecked_, targets, settings?.Strict == true, settings?.FailOnShould == true);
        // Every report flags a MUST clause that no check judged, strict or not; only Strict fails the gate for it.
        return new ConformanceReport(HarnessInfo.Current, run.StartedAt, DateTimeOffset.UtcNow,
            new RequestReport(RequestLedger.Total, RequestLedger.PerClause, RequestLedger.Waited.TotalSeconds,
                settings is null ? 0 : settings.MaxInFlight, RequestLedger.PeakInFlight),
            gate, [.. problems, .. settings?.Strict == true ? [] : unchecked_], targets, ConformanceReport.NotCoverable, certificate, clientCertificate);
    }

    /// <summary>Why this run may not be certified; none means it may. A certificate needs a complete, clean, strict run of one target.</summary>
    /// <param name="unrun">How many checks of the run's test tree did not run (a filter left them out).</param>
    public static IReadOnlyList<string> CertificateBlockers(
        RunState run, IReadOnlyList<Verdict> verdicts, string? chromium, int unrun)
    {
        verdicts = verdicts.Where(v => !IsClient(v.Target)).ToArray();
        var blockers = new List<string>();
        if (run.Settings?.Strict != true) blockers.Add("Strict is not true: a certificate needs every check to have run (set CREWPASS_STRICT=true)");
        if (run.Settings?.IsEmbedded == true)
            blockers.Add("the target is the embedded reference, not a deployment: set CREWPASS_BASE_URL to the deployment to certify");
        else if (run.Targets.FirstOrDefault(t => t.Facts.ReferenceVersion is not null) is { } reference)
            blockers.Add($"the target answers as the CrewPass reference deployment ({PreflightFacts.ReferenceHeader}: {reference.Facts.ReferenceVersion}), at {reference.Client.BaseUrl}: " +
                         "a certificate is for a deployment of the API, never for the reference, at any address");
        if (unrun > 0) blockers.Add($"{unrun} checks did not run (a filter?): a certificate covers a whole run, check by check");
        blockers.AddRange(run.Problems);
        if (run.Targets.Count != 1) blockers.Add($"a certificate covers one target; this run checked {run.Targets.Count}");
        if (verdicts.Count == 0) blockers.Add("no check ran");
        blockers.AddRange(verdicts.Where(v => v.Outcome is not (Outcome.Passed or Outcome.NotApplicable))
            .GroupBy(v => (v.Clause, v.Level, v.Outcome))
            .Select(g => $"{g.Key.Clause} ({(g.Key.Level == ClauseLevel.Must ? "MUST" : "SHOULD")}): {g.Count()} {g.Key.Outcome.ReportName()}, first: {g.First().Test}"));
        var unchecked_ = ClauseCatalogue.All.Where(c => c.Covered && !c.JudgesClient && verdicts.All(v => v.Clause != c.Id)).Select(c => c.Id).ToArray();
        if (unchecked_.Length > 0) blockers.Add($"clauses with no check in this run (a filter?): {string.Join(", ", unchecked_)}");
        if (chromium is null) blockers.Add($"Chromium renders the certificate and none was found: {Browser.Chromium.InstallHint}");
        return blockers;
    }

    /// <summary>
    /// Why the client may not be certified; none means it may. A client certificate needs a complete, clean, strict run of
    /// one client (the sandbox is the reference by design, so the embedded target is no obstacle).
    /// </summary>
    /// <param name="unrun">How many CLIENT checks of the run's test tree did not run.</param>
    public static IReadOnlyList<string> ClientCertificateBlockers(
        RunState run, IReadOnlyList<Verdict> verdicts, string? chromium, int unrun)
    {
        var blockers = new List<string>();
        var judged = JudgedClients(run, verdicts);
        var clients = verdicts.Where(v => judged.Contains(v.Target)).ToArray();
        if (run.Settings?.Strict != true) blockers.Add("Strict is not true: a certificate needs every check to have run (set CREWPASS_STRICT=true)");
        if (unrun > 0) blockers.Add($"{unrun} CLIENT checks did not run (a filter?): a certificate covers a whole run, check by check");
        blockers.AddRange(ClientRuns.ReportedProblems);
        if (judged.Count != 1) blockers.Add($"a client certificate covers one client; this run judged {judged.Count} ({string.Join(", ", judged)})");
        blockers.AddRange(clients.Where(v => v.Outcome is not (Outcome.Passed or Outcome.NotApplicable))
            .GroupBy(v => (v.Clause, v.Level, v.Outcome))
            .Select(g => $"{g.Key.Clause} ({(g.Key.Level == ClauseLevel.Must ? "MUST" : "SHOULD")}): {g.Count()} {g.Key.Outcome.ReportName()}, first: {g.First().Test}"));
        var unchecked_ = ClauseCatalogue.All.Where(c => c.JudgesClient && clients.All(v => v.Clause != c.Id)).Select(c => c.Id).ToArray();
        if (unchecked_.Length > 0) blockers.Add($"CLIENT clauses with no check in this run (a filter?): {string.Join(", ", unchecked_)}");
        if (chromium is null) blockers.Add($"Chromium renders the certificate and none was found: {Browser.Chromium.InstallHint}");
        return blockers;
    }

    /// <summary>A client's entry in the report: what it is, what it was given, and the CLIENT clauses with their checks.</summary>
    private static TargetReport Client(string name, HarnessSettings? settings, IReadOnlyList<Verdict> verdicts)
    {
        var client = settings is null ? null : ClientRuns.Resolve(name, settings);
        var described = new Dictionary<string, string>();
        if (client?.Command is { } command) described["ClientCommand"] = Redactor.Redact(command);
        if (client?.Recording is { } recording) described["ClientRecording"] = recording;
        if (client?.Fault is { } fault) described["ClientFault"] = fault;
        return TargetReports.Client(name, client?.DisplayName, described, verdicts);
    }

    private static TargetReport Target(TargetUnderTest target, IReadOnlyList<Verdict> verdicts)
    {
        var settings = target.Settings;
        var clauses = TargetReports.Clauses(verdicts, c => !c.JudgesClient);
        var counts = TargetReports.Counts(verdicts);
        var secrets = SettingDefinitions.All.Where(d => d.Kind == SettingKind.Secret && settings[d.Name] is not null).ToArray();
        return new TargetReport(
            target.Name,
            target.Client.BaseUrl.ToString(),
            target.Facts.LivePartnerId,
            new[] { "LiveKey", "TestKey" }.ToDictionary(k => k, k => settings[k]!.StartsWith("cpk_live_", StringComparison.Ordinal) ? "live" : "test"),
            secrets.ToDictionary(d => d.Name, d => Redactor.Mask(settings[d.Name]!)),
            SettingDefinitions.All.Where(d => d.Kind == SettingKind.Profile && settings[d.Name] is not null).ToDictionary(d => d.Name, d => settings[d.Name]!),
            counts,
            clauses,
            ProfileSha256: settings.ProfileSha256,
            ChangedSettings: settings.Changed.ToDictionary(c => c.Key, c => Redactor.Redact(c.Value)));
    }

    /// <summary>ReportDirectory, else the results folder the build gave this project (where dotnet test puts its TRX), else NUnit's work directory.</summary>
    public static string Directory(RunState run)
    {
        // Settings that did not load still name where their one message goes.
        if ((run.Settings?.ReportDirectory ?? RunEnvironment.Get("CREWPASS_REPORT_DIRECTORY") ?? TestContext.Parameters["ReportDirectory"]) is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        var built = typeof(RunReport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CrewPass.DefaultResultsDirectory")?.Value;
        return built is not null && System.IO.Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(built))) ? built : TestContext.CurrentContext.WorkDirectory;
    }
}
