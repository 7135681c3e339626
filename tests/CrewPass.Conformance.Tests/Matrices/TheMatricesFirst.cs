using NUnit.Framework;

namespace CrewPass.Conformance.Tests.Matrices;

/// <summary>
/// The matrices' runs before their classes (this namespace): the fault and legal-variation matrix beside the client-bug
/// matrix (the first keeps ~1.3 of the two cores busy, the second is mostly the Python sample's processes), then the
/// faults on an added read. A set-up fixture is not parallel, so NUnit runs it while no other test runs: the fault
/// matrix's two-minute bound holds (beside other tests it took more than twice as long), and no
/// test of these classes holds a worker waiting for a run; in a namespace of its own, a run filtered to other classes
/// never waits for it.
/// </summary>
[SetUpFixture]
public sealed class TheMatricesFirst
{
    [OneTimeSetUp]
    public async Task TheRuns()
    {
        await Task.WhenAll(FaultMatrixTests.Matrix.Value, ClientBugMatrixTests.Matrix.Value);
        await FaultMatrixTests.OnAddedRead.Value;
    }
}
