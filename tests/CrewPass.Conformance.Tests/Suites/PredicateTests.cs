using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// No check asserts something that cannot be false: a predicate joined with a constant (`|| true`, `&& false`,
/// `|| !false`), or an Expect whose condition is a literal. The fault matrix proves each case can fail at run time; this
/// finds the plain tautologies in the source before they run (SIG-01's `signed != presented || stale` was one in kind;
/// a variable that is always true, as `stale` was there, is the fault matrix's to find, case by case).
/// </summary>
public sealed partial class PredicateTests
{
    // A literal compared (`== true` on a bool?) is a real test; `Expect(false, …)` after an if is a plain failure.
    [GeneratedRegex(@"\|\|\s*!?\s*(true|false)\b(?!\s*[=!]=)|(?<![=!]=\s{0,3})\b(true|false)\s*\|\||&&\s*!?\s*(true|false)\b(?!\s*[=!]=)|(?<![=!]=\s{0,3})\b(true|false)\s*&&|Expect\(\s*(true|!\s*false)\s*,")]
    private static partial Regex ConstantInPredicate();

    public static IEnumerable<TestCaseData> SuiteFiles() =>
        Directory.EnumerateFiles(Repository.Path("suites"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => new TestCaseData(Path.GetRelativePath(Repository.Root, f)).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(SuiteFiles))]
    public void No_predicate_is_joined_with_a_constant(string file) =>
        File.ReadLines(Repository.Path(file)).Select((line, i) => (Line: line, Number: i + 1))
            .Where(l => ConstantInPredicate().IsMatch(l.Line)).Select(l => $"{file}:{l.Number}: {l.Line.Trim()}")
            .Should().BeEmpty("a predicate joined with a constant cannot be false (or true): the check proves nothing");

    [TestCase("Expect(signed != presented || true, \"x\", \"y\");")]
    [TestCase("Expect(ok && false, \"x\", \"y\");")]
    [TestCase("Expect(true, \"x\", \"y\");")]
    [TestCase("var holds = true || answer.IsSuccess;")]
    public void The_scan_finds_a_constant_predicate(string line) => ConstantInPredicate().IsMatch(line).Should().BeTrue();

    [TestCase("Expect(signed != vector.Presented, \"x\", \"y\");")]
    [TestCase("Expect(answer.Status is >= 400 and < 500, \"x\", \"y\");")]
    [TestCase("if (run.Settings?.Strict == true && unchecked_.Length > 0)")]
    [TestCase("Expect(false, \"a 2xx\", Summary(answer), answer);")]
    public void The_scan_leaves_real_predicates_alone(string line) => ConstantInPredicate().IsMatch(line).Should().BeFalse();
}
