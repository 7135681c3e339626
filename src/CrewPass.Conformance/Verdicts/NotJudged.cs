using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// A half of a clause that what the run has cannot show, such as a client's exit status when the client is judged from
/// a recording: not applicable (never a pass), and named on the report and the certificate.
/// </summary>
public sealed class NotJudged(string half, string why) : CheckEnded($"not judged: {half}: {why}", Outcome.NotApplicable)
{
    public string Half { get; } = half;
}
