using CrewPass.Conformance.Browser;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;
using CrewPass.Conformance.Verdicts;
using CrewPass.Conformance.Suites.Infrastructure;
using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Execution;

// In no namespace: a SetUpFixture covers its namespace, and this one covers the whole assembly.

/// <summary>Says what the run is aimed at when it starts; at its end writes the report (and the certificate) and says where.</summary>
[SetUpFixture]
public sealed class RunLifecycle
{
    [OneTimeSetUp]
    public void Announce()
    {
        var starting = System.Diagnostics.Stopwatch.StartNew();
        var run = Run.Current;
        // A fixed cost of every run, listed apart by bench/run.sh: the embedded instances' start and every preflight.
        Say($"targets {string.Join(", ", run.Targets.Select(t => $"{t.Name} ({t.Client.BaseUrl})"))}" +
            (run.Problems.Count > 0 ? $"; {run.Problems.Count} could not be checked" : "") + $"; started and preflighted in {starting.Elapsed.TotalSeconds:0.00} s");
        Say($"generated malformed keys from FuzzSeed {run.FuzzSeed} (pin it with CREWPASS_FUZZ_SEED={run.FuzzSeed})");
        // Chromium takes seconds to start; start it now, beside the other checks, rather than when WEB-01 first asks;
        // but only when the filter left a WEB-01 check to run (a partner's certify-client runs none).
        var cases = Selected().ToArray();
        var selected = cases.Select(c => c.Clause).ToHashSet();
        if (run.Targets.Count > 0 && selected.Contains("WEB-01") && Chromium.Find(run.Settings?.Chromium) is { } chromium)
            _ = BrowserSession.StartAsync(chromium, run.Targets);
        // For the same reason the clients' scenarios start now: a scenario that waits out a Retry-After would otherwise
        // begin only when NUnit reaches the CLIENT fixtures, and its wait would end the run.
        if (run.Settings is { } settings && selected.Any(id => id.StartsWith("CLIENT-", StringComparison.Ordinal)))
            foreach (var client in ClientRuns.PlannedNames().Select(name => ClientRuns.Resolve(name, settings)).OfType<ClientUnderTest>().Where(c => c.Recording is null))
                ClientRuns.StartAll(client, settings);
        // The shared answers the checks judge (valid keys' reads, refusals) are asked for now, off NUnit's workers: a check
        // waiting on the network would otherwise hold a worker, and a far target leaves them all waiting.
        if (run.Targets.Count > 0) SendAhead(run, cases);
    }

    /// <summary>Every shared read and refusal the selected cases will judge, asked for per target, each counted for its clause.</summary>
    private static void SendAhead(
        CrewPass.Conformance.Suites.Infrastructure.RunState run, IReadOnlyList<(ITest Case, string Clause)> cases)
    {
        // The matrices select tens of thousands of cases across many targets: each case's target is looked up once.
        var planned = cases.Select(c => (c.Case, Endpoint: c.Case.Arguments.OfType<Endpoint>().FirstOrDefault(), Id: c.Clause))
            .Where(c => c.Endpoint is not null).ToLookup(c => TargetOf(c.Case) ?? "");
        foreach (var target in run.Targets)
        {
            var mine = planned[target.Name].ToArray();
            // A near target answers before a worker would wait long: there, sending ahead only crowds the start. The
            // rate-limit partner's reads go ahead anywhere: its windows are long, whatever the distance.
            var far = target.Facts.Answers.Values.Min(a => a.Elapsed) >= FarAway;
            // Per budget: the rate-limit partner's reads hold only its budget, so RATE-05's exhaustion waits for them alone.
            // A key the target was not given is the check's skip to name, never an answer to send ahead.
            foreach (var reads in mine.SelectMany(c => KeysRead(c.Case).Where(key => target.Settings[key.Setting] is not null).Select(key => (c.Endpoint!.Path, key, c.Id)))
                         .DistinctBy(r => (r.Path, r.key))
                         .GroupBy(r => r.key.Spends).Where(g => far || g.Key == Holds.RateLimitBudget))
                target.ObserveAhead(reads.ToArray());
            if (!far) continue;
            target.SendAhead(mine.SelectMany(c => RefusalOf(c.Case, c.Id) is { } refusal && Planned(refusal, c.Endpoint!, target) is { } probe ? [(probe, c.Id)] : Array.Empty<(RefusalProbe, string)>())
                .DistinctBy(p => p.Item1.Key).ToArray());
        }
    }

    /// <summary>The preflight's quicker round trip from which a target counts as far: its checks would spend their time waiting.</summary>
    private static readonly TimeSpan FarAway = TimeSpan.FromMilliseconds(20);

    /// <summary>The valid keys a case reads its endpoint with: a KeyUse, or a key setting's name (Bearer).</summary>
    private static IEnumerable<KeyUse> KeysRead(ITest test) =>
        test.Arguments.OfType<KeyUse>().Concat(test.Arguments.OfType<string>().Where(KeyUse.Settings.Contains).Select(k => new KeyUse(k, CrewPass.Conformance.Keys.Presentation.Bearer)));

    /// <summary>The refusal a case judges: a Refusal or a corpus credential, or no key at all for AUTH-01.</summary>
    private static Refusal? RefusalOf(ITest test, string clause) =>
        test.Arguments.OfType<Refusal>().FirstOrDefault()
        ?? (test.Arguments.OfType<CrewPass.Conformance.Keys.CredentialCase>().FirstOrDefault() is { } credential ? new Refusal(credential) : null)
        ?? (clause == "AUTH-01" ? Refusal.NoKey : null);

    /// <summary>The probe, or none where a setting it needs is missing (the check itself skips, naming it).</summary>
    private static RefusalProbe? Planned(Refusal refusal, Endpoint endpoint, TargetUnderTest target)
    {
        try
        {
            return RefusalProbe.Plan(refusal, endpoint, target.Settings, Run.Planned.FuzzSeed);
        }
        catch (NeedsSetting)
        {
            return null;
        }
    }

    [OneTimeTearDown]
    public async Task Report()
    {
        var run = Run.Current;
        var verdicts = VerdictLog.Snapshot;
        var directory = RunReport.Directory(run);
        var certify = run.Settings?.Certify == true;
        // Which certificates the run asks for: the client's when it judged a client (or could not), the deployment's when
        // it judged a deployment; against the embedded reference a judged client is the point, so only the client's.
        var judgedClient = RunReport.JudgedClients(run, verdicts).Count > 0 || ClientRuns.ReportedProblems.Count > 0;
        var judgedDeployment = verdicts.Any(v => !RunReport.IsClient(v.Target)) || run.Problems.Count > 0;
        var certifyClient = certify && judgedClient;
        var certifyDeployment = certify && (judgedDeployment || !judgedClient) && !(judgedClient && run.Settings?.IsEmbedded == true);
        var chromium = certify ? Chromium.Find(run.Settings?.Chromium) : null;
        var (deploymentChecks, clientChecks) = ChecksInTree();
        var blockers = certifyDeployment ? RunReport.CertificateBlockers(run, verdicts, chromium, deploymentChecks - verdicts.Count(v => !RunReport.IsClient(v.Target))) : [];
        var clientBlockers = certifyClient ? RunReport.ClientCertificateBlockers(run, verdicts, chromium, clientChecks - verdicts.Count(v => RunReport.IsClient(v.Target))) : [];
        var certificatePath = Path.Combine(directory, Certificate.FileName);
        var clientCertificatePath = Path.Combine(directory, Certificate.ClientFileName);
        foreach (var stale in new[] { certificatePath, clientCertificatePath }.Where(File.Exists)) File.Delete(stale);
        var certificate = certifyDeployment ? new CertificateReport(true, blockers.Count == 0 ? certificatePath : null, blockers) : null;
        var clientCertificate = certifyClient ? new CertificateReport(true, clientBlockers.Count == 0 ? clientCertificatePath : null, clientBlockers) : null;
        var report = RunReport.Build(run, verdicts, certificate, clientCertificate);
        var (json, html, sha256) = ReportWriter.Write(report, directory);

        foreach (var level in new[] { "MUST", "SHOULD" })
        {
            var counts = ReportWriter.TotalCounts(report)[level].Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.ReportName()}");
            Say($"{level,-6} {string.Join(", ", counts.DefaultIfEmpty("no checks"))}");
        }
        foreach (var reason in report.Gate.Reasons) Say($"gate: {reason}");
        foreach (var problem in report.Problems.Except(report.Gate.Reasons)) Say($"flagged: {problem}");
        Say($"verdict {report.Gate.Verdict.ReportName().ToUpperInvariant()}; report {json} and {html}");
        async Task CertifyAsync(bool asked, IReadOnlyList<string> blocked, string what, string path, Func<Task> write)
        {
            if (!asked) return;
            if (blocked.Count > 0)
            {
                Say($"no {what}: this run is not complete and clean:\n  " + string.Join("\n  ", blocked));
                return;
            }
            await write();
            Say($"{what} {path} (bound to the report by SHA-256 {sha256})");
        }
        await CertifyAsync(certifyDeployment, blockers, "certificate", certificatePath, () => Certificate.WriteAsync(report, sha256, chromium!, certificatePath));
        await CertifyAsync(certifyClient, clientBlockers, "client certificate", clientCertificatePath, () => Certificate.WriteClientAsync(report, sha256, chromium!, clientCertificatePath));
        Say($"{report.Requests.Total} HTTP requests sent, at most {report.Requests.PeakInFlight} at once (MaxInFlight {report.Requests.MaxInFlight} per target)");
        // What each partner's budget carried, as the reference counted it (a deployment's own logs tell the same).
        if (run.EmbeddedHosts.Count <= 2)
            foreach (var host in run.EmbeddedHosts.OrderBy(h => h.Options.WriteSurface))
            {
                var c = host.Credentials;
                Say($"valid-key requests on the {host.Options.WriteSurface.ToString().ToLowerInvariant()} reference: partner under test {host.RequestsWith(c.LiveKey) + host.RequestsWith(c.TestKey)}" +
                    $" ({host.ThrottledWith(c.LiveKey) + host.ThrottledWith(c.TestKey)} answered 429; budget {CrewPass.Reference.PartnerDirectory.PlanLimit} a minute)" +
                    $", rate-limit partner {host.RequestsWith(c.RateLimitKey)}, other partner {host.RequestsWith(c.OtherPartnerKey)} ({host.ThrottledWith(c.OtherPartnerKey)} answered 429)" +
                    $", restricted partner {host.RequestsWith(c.RestrictedKey)}");
            }
        await BrowserSession.StopAsync();
        foreach (var target in run.Targets) target.Dispose();
        foreach (var host in run.EmbeddedHosts) await host.DisposeAsync();
        // Strict judges the whole contract: a MUST clause no check judged fails the run itself, not only the report's gate.
        var unchecked_ = RunReport.UncheckedMustClauses(run, verdicts).Select(u => u.Clause).Distinct().ToArray();
        if (run.Settings?.Strict == true && unchecked_.Length > 0)
            Assert.Fail($"Strict: no check ran for the MUST clauses {string.Join(", ", unchecked_)} (a filter?); a strict run judges every MUST clause");
    }

    /// <summary>Every check (clause test case) in the run's test tree, run or not (a filter leaves some out): of deployments, and of clients.</summary>
    private static (int Deployment, int Client) ChecksInTree()
    {
        var checks = Checks(TestExecutionContext.CurrentContext.CurrentTest, _ => true).ToArray();
        var client = checks.Count(c => CrewPass.Conformance.Clauses.ClauseCatalogue.Get(c.Clause).JudgesClient);
        return (checks.Length - client, client);
    }

    /// <summary>
    /// The checks the run's filter selects. NUnit shows a one-time set-up the filter only on the work item its worker
    /// runs (a private field); where that cannot be read (no parallel worker, another NUnit), every check counts as selected.
    /// </summary>
    private static IEnumerable<(ITest Case, string Clause)> Selected()
    {
        var context = TestExecutionContext.CurrentContext;
        var item = context.TestWorker?.GetType().GetField("_currentWorkItem", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(context.TestWorker) as WorkItem;
        return Checks(context.CurrentTest, item?.Filter is { } filter ? test => filter.Pass(test) : _ => true);
    }

    private static IEnumerable<(ITest Case, string Clause)> Checks(ITest test, Func<ITest, bool> selected) =>
        test.HasChildren ? test.Tests.SelectMany(t => Checks(t, selected))
        : selected(test) && ClauseOf(test) is { } clause ? [(test, clause)] : [];

    /// <summary>The clause a test case checks: its method's, or, for the engine's CLIENT checks, its case's.</summary>
    private static string? ClauseOf(ITest test) =>
        test.Method?.GetCustomAttributes<ClauseAttribute>(true).FirstOrDefault()?.Id
        ?? test.Arguments.OfType<CrewPass.Conformance.Clients.ClientCheckCase>().FirstOrDefault()?.Check.Clause;

    /// <summary>The target a check's fixture runs against: its fixture's argument (ConformanceSuite(target)).</summary>
    private static string? TargetOf(ITest test) =>
        test.Parent is not { } parent ? null
        : parent is TestFixture && parent.TypeInfo?.Type.IsAssignableTo(typeof(ConformanceSuite)) == true ? parent.Arguments.FirstOrDefault() as string
        : TargetOf(parent);

    /// <summary>One line of the run's progress, prefixed as every other line of the harness.</summary>
    internal static void Say(string line) => TestContext.Progress.WriteLine("CrewPass.Conformance: " + CrewPass.Conformance.Evidence.Printable.Escape(line));
}
