using CrewPass.Conformance.Reporting;
using CrewPass.Reference;

namespace CrewPass.Conformance.Service;

/// <summary>
/// What a session's page shows: its state, each scenario's environment, the judgement, the partner's other sessions.
/// </summary>
public static class SessionPage
{
    public static object Model(CertificationStore store, HostedSandbox sandbox, HostedSession session, Uri issuer)
    {
        var path = $"/sessions/{session.Id}";
        var open = !session.Judged;
        return new
        {
            partner = session.Partner,
            client = session.Client,
            state = State(store, sandbox, session),
            running = open,
            events = $"{path}/events",
            scenarios = open ? Scenarios(sandbox, session.Id, path) : [],
            judge = $"{path}/judge",
            judged = session.ExitCode is not null,
            verdict = session.ExitCode == GateExitCodes.Conformant ? "passed" : "failed",
            // What stands between the partner and a certificate, clause by clause, before the report's detail.
            unsettled = session.Clauses.Where(c => c.Status is not (Outcome.Passed or Outcome.NotApplicable))
                .Select(c => new { id = c.Id, level = c.Level, status = c.Status.ReportName() }).ToArray(),
            report = $"{path}/report",
            notJudged = session.NotJudged,
            certificate = session.CertificateId is null ? null : $"{path}/certificate.json",
            certificateId = session.CertificateId,
            pdf = $"{path}/certificate.pdf",
            issuer = issuer.ToString(),
            others = store.SessionsOf(session.Partner).Where(s => s.Id != session.Id)
                .Select(s => new { client = s.Client, link = $"/sessions/{s.Id}", judged = s.Judged }).ToArray(),
        };
    }

    /// <summary>waiting, traffic seen, judging, judged: what the partner does next.</summary>
    public static string State(CertificationStore store, HostedSandbox sandbox, HostedSession session) =>
        session.ExitCode is not null ? "judged"
        : session.Judged ? "judging"
        : sandbox.Store.HasTraffic(session.Id) ? "traffic seen"
        : "waiting";

    private static object[] Scenarios(HostedSandbox sandbox, string session, string path) =>
        sandbox.Scenarios(session).Select(s => (object)new
        {
            name = s.Key.Scenario.Name(),
            baseUrl = s.BaseUrl ?? "not listening on this instance",
            exports = string.Join("\n", sandbox.Environment(s.Key, "ca.pem").Select(e => $"export {e.Name}={e.Value}")),
            env = $"{path}/{s.Key.Scenario.Name()}/client.env",
            ca = $"{path}/{s.Key.Scenario.Name()}/ca.pem",
        }).ToArray();
}
