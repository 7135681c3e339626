using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Reporting;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

using CrewPass.Conformance.Verdicts;
namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// Names the clause a check enforces. The id is the test's category; the clause's level decides the verdict:
/// a SHOULD failure is a warning unless FailOn=should, a skip for a missing setting fails under Strict=true.
/// Every message leaves here redacted.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClauseAttribute(string id) : CategoryAttribute(id), IWrapTestMethod
{
    public string Id { get; } = ClauseCatalogue.Exists(id) ? id : throw new ArgumentException($"'{id}' is not a clause of CONTRACT.md");

    /// <summary>
    /// What the check must hold alone while it runs: it reads a budget request by request, or changes a view others
    /// compare. Nothing that holds the same resource, alone or shared, runs beside it.
    /// </summary>
    public Holds Alone { get; set; }

    /// <summary>
    /// What the check spends or compares, held shared: by default the main partner's budget and its test view, which
    /// nearly every check touches. A check that also reads with RateLimitKey says so, so the exhaustion waits for it.
    /// </summary>
    public Holds Reads { get; set; } = Holds.PartnerBudget | Holds.TestView;

    public TestCommand Wrap(TestCommand command) => new VerdictCommand(command, ClauseCatalogue.Get(Id), Alone, Reads);
}
