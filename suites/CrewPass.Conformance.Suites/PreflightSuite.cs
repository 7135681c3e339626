using CrewPass.Conformance.Suites.Infrastructure;
using NUnit.Framework;

namespace CrewPass.Conformance.Suites;

/// <summary>
/// The one place a bad setting, an unreachable target, a wrong certificate or a refused key shows up:
/// one failure with one message that names the setting to fix, instead of every check failing alike.
/// </summary>
[TestFixture]
[Category("PREFLIGHT")]
public sealed class PreflightSuite
{
    [Test]
    public void Preflight_the_target_is_reachable_over_trusted_TLS_and_accepts_LiveKey_and_TestKey()
    {
        var run = Run.Current;
        if (run.Problems.Count > 0)
        {
            if (Run.ClaimPreflightReport()) Assert.Fail(Message(run.Problems));
            Assert.Ignore("the preflight's one message is on the first check that ran");
        }
        Assert.That(run.Targets, Is.Not.Empty, "no target resolved");
    }

    public static string Message(IReadOnlyList<string> problems) =>
        "The harness could not start checking; no check ran. Fix this and run again:\n" + string.Join("\n", problems.Select(p => "  " + p));
}
