using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// The check got answers that prove nothing about its clause (a failed or refused read, a 429): no verdict, with the
/// exchange attached. Never a pass; a failure only under Strict, where every check must conclude.
/// </summary>
public sealed class Inconclusive(string reason, params Exchange[] evidence)
    : CheckEnded($"inconclusive: {reason}" + string.Concat(evidence.Select(e => "\nevidence:\n" + e.Evidence())),
        Outcome.Inconclusive, evidence)
{
    /// <summary>The clause whose requirement failed first (a precondition this check leans on), when one is known.</summary>
    public string? Owner { get; init; }

    /// <summary>Inconclusive because a precondition that <paramref name="owner"/> judges did not hold.</summary>
    public static Inconclusive OwnedBy(string owner, string reason, params Exchange[] evidence) => new(reason,
        evidence)
    { Owner = owner };
}
