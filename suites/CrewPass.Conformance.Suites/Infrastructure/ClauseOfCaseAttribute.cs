using CrewPass.Conformance.Clauses;
using CrewPass.Conformance.Clients;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal.Commands;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>
/// For a test method whose cases are the engine's CLIENT checks: each case's clause is its check's, so the verdict,
/// the category and the name come from the engine's catalogue of checks, not from one attribute per method.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClauseOfCaseAttribute : NUnitAttribute, IWrapTestMethod
{
    public TestCommand Wrap(TestCommand command)
    {
        var check = command.Test.Arguments.OfType<ClientCheckCase>().Single();
        return new VerdictCommand(command, ClauseCatalogue.Get(check.Check.Clause), Holds.Nothing, Holds.Nothing);
    }
}
