using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Clients;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Verdicts;

namespace CrewPass.Conformance;

/// <summary>What <see cref="Judge.ClientRecordingAsync"/> found: every check's verdict and the report built from them.</summary>
public sealed record ClientJudgement(IReadOnlyList<Verdict> Verdicts, ConformanceReport Report)
{
    /// <summary>Why no certificate may be issued for this judgement; none means it may (every CLIENT clause judged, none failed).</summary>
    public IReadOnlyList<string> CertificateBlockers =>
    [
        .. Report.Problems,
        .. Verdicts.Where(v => v.Outcome is not (Outcome.Passed or Outcome.NotApplicable)).GroupBy(v => (v.Clause,
            v.Outcome))
            .Select(g => $"{g.Key.Clause}: {g.Count()} {g.Key.Outcome.ReportName()}, first: {g.First().Test}"),
        .. ClauseCatalogue.All.Where(c => c.JudgesClient
            && Verdicts.All(v => v.Clause != c.Id)).Select(c => $"{c.Id}: no check ran"),
    ];

    /// <summary>The claims of the certificate this judgement earns; only a judgement with no blocker earns one.</summary>
    public CertificateClaims ClaimsFor(
        string id, string issuer, string partner, string client, string reportSha256, DateTimeOffset now)
    {
        if (CertificateBlockers.Count > 0)
            throw new InvalidOperationException($"no certificate for this judgement: {string.Join("; ", CertificateBlockers)}");
        var passed = Report.Targets.SelectMany(t => t.Clauses).Where(c => c.Status == Outcome.Passed).Select(c => c.Id).ToArray();
        return new CertificateClaims(id, issuer, partner, client, SandboxScenario.All.Select(s => s.Name).ToArray(),
            passed,
            HarnessInfo.Current.Version, now, now + CertificateClaims.Validity, reportSha256,
            NotJudged);
    }

    /// <summary>
    /// The halves of clauses this judgement could not show (a hosted client's exit status): named, never passed.
    /// </summary>
    public IReadOnlyList<string> NotJudged =>
        Verdicts.Select(v => v.NotJudged).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
}
