using System.Text;
using CrewPass.Conformance.Schemas;
using CrewPass.Conformance.Signing;
using CrewPass.Reference;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>The vectors are valid, and the reference's verifier (written apart from the harness's signer) agrees with them.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SigningTests
{
    private static readonly SigningVectors Vectors = SigningVectors.Load(Repository.Root);

    public static IEnumerable<TestCaseData> Positive() => Vectors.Positive.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));

    public static IEnumerable<TestCaseData> Negative() => Vectors.Negative.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Name));

    [Test]
    public void The_vectors_cover_what_partners_need() =>
        Vectors.Positive.Select(v => v.Name).Should().Contain(["empty-body", "ascii-json", "utf8-multibyte", "binary-body", "dots-and-newlines",
            "long-secret", "one-character-secret", "uuid4-string-nonce", "hex-nonce", "timestamp-zero", "ten-digit-timestamp"]);

    [TestCaseSource(nameof(Positive))]
    public void The_reference_verifier_accepts_the_pages_vector(PositiveVector vector) =>
        SignatureVerifier.SignatureMatches(vector.Secret, vector.Timestamp, vector.Nonce, vector.Body, vector.Signature).Should().BeTrue();

    [TestCaseSource(nameof(Negative))]
    public void The_reference_verifier_refuses_the_negative_vector(NegativeVector vector)
    {
        var request = Vectors.NegativeRequest;
        var matches = SignatureVerifier.SignatureMatches(request.Secret, request.Timestamp, request.Nonce, Encoding.UTF8.GetBytes(request.Body), vector.Presented);
        if (vector.ServerTime is { } serverTime)
            (long.Parse(serverTime) - long.Parse(request.Timestamp)).Should().BeGreaterThan(300, "a stale vector is a good signature outside the window");
        else
            matches.Should().BeFalse(vector.Reason);
    }

    [TestCase("""{"positive": [], "negative": [], "negativeRequest": {"secret": "s", "timestamp": "1", "nonce": "n", "body": "", "serverTime": "1"}}""", TestName = "no vectors")]
    [TestCase("""{"positive": [{"name": "x", "clause": "SIG-01", "why": "w", "secret": "s", "timestamp": "1", "nonce": "n", "body": "", "messageBase64": "eA==", "signature": "v1=ABC"}], "negative": [{"name": "y", "clause": "SIG-04", "reason": "r", "presented": "p"}], "negativeRequest": {"secret": "s", "timestamp": "1", "nonce": "n", "body": "", "serverTime": "1"}}""", TestName = "a signature that is not v1= and 64 lowercase hex")]
    [TestCase("""{"positive": [{"name": "x", "clause": "SIG-01", "why": "w", "secret": "s", "timestamp": "1.5", "nonce": "n", "body": "", "messageBase64": "eA==", "signature": "v1=0000000000000000000000000000000000000000000000000000000000000000"}], "negative": [{"name": "y", "clause": "SIG-04", "reason": "r", "presented": "p"}], "negativeRequest": {"secret": "s", "timestamp": "1", "nonce": "n", "body": "", "serverTime": "1"}}""", TestName = "a fractional timestamp")]
    [TestCase("""{"positive": [{"name": "x", "clause": "SIG-01", "why": "w", "secret": "s", "timestamp": "1", "nonce": "n", "body": "", "bodyBase64": "", "messageBase64": "eA==", "signature": "v1=0000000000000000000000000000000000000000000000000000000000000000"}], "negative": [{"name": "y", "clause": "SIG-04", "reason": "r", "presented": "p"}], "negativeRequest": {"secret": "s", "timestamp": "1", "nonce": "n", "body": "", "serverTime": "1"}}""", TestName = "both body and bodyBase64")]
    [TestCase("""{"positive": [{"name": "x", "clause": "SIG-01", "why": "w", "secret": "s", "timestamp": "1", "nonce": "n", "body": "", "messageBase64": "eA==", "signature": "v1=0000000000000000000000000000000000000000000000000000000000000000"}], "negative": [{"name": "y", "clause": "SIG-02", "reason": "r", "presented": "p"}], "negativeRequest": {"secret": "s", "timestamp": "1", "nonce": "n", "body": "", "serverTime": "1"}}""", TestName = "a negative vector of a clause that refuses nothing")]
    public void A_broken_vectors_file_fails_its_schema(string json) =>
        new SchemaCatalogue(Repository.Root).Violations(SigningVectors.SchemaFile, json).Should().NotBeEmpty();

    /// <summary>SIG-01's fault: a vector whose expected signature is one digit off. The check must catch it.</summary>
    [Test]
    public async Task SIG_01_fails_when_a_vector_and_the_signer_disagree()
    {
        var json = await File.ReadAllTextAsync(Repository.Path("fixtures", "signing", "vectors.json"));
        var good = Vectors.Positive.Single(v => v.Name == "ascii-json").Signature;
        var corrupted = Scratch.NewFile("vectors.json");
        await File.WriteAllTextAsync(corrupted, json.Replace(good, good[..^1] + (good[^1] == '0' ? '1' : '0')));
        var run = await SuiteRun.RunInOneProcessAsync("sig01-fault", new Dictionary<string, string> { ["CREWPASS_SIGNING_VECTORS"] = corrupted },
            SuiteRun.Clauses("SIG-01"));
        // The stale vector presents that same genuine signature (refused for its age alone), so its case fails too.
        run.Failed.Select(o => o.Name).Should().BeEquivalentTo(
            "SIG_01_The_signer_reproduces_the_pages_vector(ascii-json)", "SIG_01_The_signer_does_not_produce_a_refused_value(stale-timestamp)");
    }

    /// <summary>
    /// SIG-01's faults, one per case: every positive vector's signature one digit off, every negative vector presenting
    /// what the signer really produces (the stale one a digit off). Each SIG-01 case must fail, none pass.
    /// </summary>
    [Test]
    public async Task SIG_01_fails_in_every_case_when_its_vector_disagrees_with_the_signer()
    {
        var vectors = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Repository.Path("fixtures", "signing", "vectors.json")))!;
        static string Off(string signature) => signature[..^1] + (signature[^1] == '0' ? '1' : '0');
        foreach (var positive in vectors["positive"]!.AsArray()) positive!["signature"] = Off(positive["signature"]!.ToString());
        var request = Vectors.NegativeRequest;
        var genuine = RequestSigner.Sign(request.Secret, request.Timestamp, request.Nonce, System.Text.Encoding.UTF8.GetBytes(request.Body));
        foreach (var negative in vectors["negative"]!.AsArray())
            negative!["presented"] = negative["serverTime"] is null ? genuine : Off(genuine);
        var corrupted = Scratch.NewFile("vectors.json");
        await File.WriteAllTextAsync(corrupted, vectors.ToJsonString());
        var run = await SuiteRun.RunInOneProcessAsync("sig01-every-case", new Dictionary<string, string> { ["CREWPASS_SIGNING_VECTORS"] = corrupted },
            SuiteRun.Clauses("SIG-01"));
        run.Outcomes.Should().HaveCount(Vectors.Positive.Count + Vectors.Negative.Count, run.Describe());
        run.Outcomes.Where(o => o.Outcome != TrxOutcome.Failed).Select(o => o.Name).Should().BeEmpty("each SIG-01 case must catch its corrupted vector");
    }

    [TestCase(40)]
    [TestCase(-40)]
    public async Task The_signing_suite_is_green_against_a_server_whose_clock_is_off(int seconds)
    {
        var run = await SuiteRun.RunInOneProcessAsync($"skew{seconds}", new Dictionary<string, string> { ["CREWPASS_EMBEDDED_CLOCK_OFFSET"] = seconds.ToString() },
            SuiteRun.Suite("SigningSuite"));
        run.Outcomes.Select(o => o.Clause).Distinct().Should().Contain(["SIG-01", "SIG-02", "SIG-03", "SIG-04", "SIG-05", "SIG-06", "SIG-07", "SIG-08"]);
        run.Failed.Concat(run.SkippedDeploymentChecks).Should().BeEmpty(run.Describe());
    }
}
