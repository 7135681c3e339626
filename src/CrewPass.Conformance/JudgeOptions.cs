namespace CrewPass.Conformance;

/// <summary>How <see cref="Judge"/> weighs a recording: the gate's settings, and the name the report gives the client.</summary>
/// <param name="Strict">Every check must conclude: an inconclusive or skipped check fails the gate (a certificate needs it).</param>
/// <param name="FailOnShould">A failed SHOULD clause fails the gate instead of warning.</param>
/// <param name="ClientName">The client's name in the report; by default, the folder it was recorded in.</param>
public sealed record JudgeOptions(bool Strict = true, bool FailOnShould = false, string? ClientName = null);
