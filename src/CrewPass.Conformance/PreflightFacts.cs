using CrewPass.Conformance.Http;

namespace CrewPass.Conformance;

/// <summary>What the preflight learnt about a target that answered.</summary>
/// <param name="Answers">The preflight's own answers (GET /partners/me with each key as Bearer): checks that judge them need not ask again.</param>
public sealed record PreflightFacts(string LivePartnerId, string TestPartnerId, IReadOnlyDictionary<string, Exchange> Answers)
{
    /// <summary>The header the CrewPass reference deployment names itself with on every answer.</summary>
    public const string ReferenceHeader = HeaderNames.Reference;

    /// <summary>The reference's version when the target is the reference (at whatever address): it is never certified.</summary>
    public string? ReferenceVersion => Answers.Values.Select(a => a.Header(ReferenceHeader)).FirstOrDefault(v => v is not null);
}
