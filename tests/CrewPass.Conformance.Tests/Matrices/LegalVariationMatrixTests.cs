using CrewPass.Reference;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests.Matrices;

/// <summary>
/// The false-failure half of the fault matrix: every legal choice the contract allows, made by the reference and
/// declared by its profile (fixtures/profiles), must fail nothing. A skip is allowed only where a setting bounds the
/// check (an hourly window's recovery is longer than MaxRecoveryWait), and it must name that setting.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class LegalVariationMatrixTests
{
    public static IEnumerable<TestCaseData> Choices() => LegalChoices.All.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(Choices))]
    public async Task A_legal_choice_fails_nothing(ChoiceInfo choice)
    {
        var run = await FaultMatrixTests.Matrix.Value;
        var checks = run.VerdictsOf($"embedded~{choice.Name}").ToArray();
        checks.Should().HaveCountGreaterThan(150, $"the suites must run against {choice.Name} ({choice.Description})");
        checks.Where(v => v.Outcome is Outcome.Failed or Outcome.TransportError or Outcome.Inconclusive or Outcome.Warning or Outcome.HarnessError)
            .Select(v => $"{v.Outcome}: {v.Name}: {v.Message}")
            .Should().BeEmpty($"{choice.Description} is a legal choice; no check may fail it");
        checks.Where(v => v.Outcome == Outcome.Skipped && v.Needs != "MaxRecoveryWait")
            .Select(v => $"{v.Name}: {v.Message}").Should().BeEmpty("the embedded target provides every setting");
    }

    [Test]
    public async Task An_hourly_window_leaves_only_the_recovery_of_RATE_05_to_a_skip_naming_MaxRecoveryWait()
    {
        var run = await FaultMatrixTests.Matrix.Value;
        var rate05 = run.VerdictsOf("embedded~hourly-window").Where(v => v.Clause == "RATE-05").ToArray();
        rate05.Should().ContainSingle().Which.Should().Match<ReportVerdict>(v => v.Outcome == Outcome.Skipped && v.Needs == "MaxRecoveryWait");
    }
}
