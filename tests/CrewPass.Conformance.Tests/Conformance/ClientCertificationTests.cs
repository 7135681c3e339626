using System.Diagnostics;
using System.Text.Json.Nodes;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>
/// The CLIENT checks pass: the Python and C# samples are certified; a client the harness cannot launch is judged from a
/// sandbox's recording. That they fail is the client-bug matrix's (Matrices.ClientBugMatrixTests).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ClientCertificationTests
{
    public static string PythonSample => $"python3 {Repository.Path("fixtures", "clients", "python", "client.py")}";

    public static string CSharpSample => $"dotnet {Repository.Path("fixtures", "clients", "csharp", "bin", Repository.Configuration, "net10.0", "CrewPass.SampleClient.dll")}";

    [Test]
    public async Task The_CSharp_sample_client_on_RestSharp_is_certified()
    {
        var run = await SuiteRun.RunInOneProcessAsync("client-csharp", new Dictionary<string, string>
        {
            ["CREWPASS_CLIENT_COMMAND"] = CSharpSample,
            ["CREWPASS_CLIENT_NAME"] = "CrewPass sample client (C#, RestSharp)",
            ["CREWPASS_STRICT"] = "true",
            ["CREWPASS_CERTIFY"] = "true",
        }, SuiteRun.ClientChecks);
        run.Failed.Select(o => $"{o.Name}: {o.Message}").Should().BeEmpty(run.Describe());
        run.Skipped.Should().BeEmpty(run.Describe());
        File.Exists(Path.Combine(run.ResultsDirectory, "client-certificate.pdf")).Should().BeTrue(run.Output);
    }

    [Test]
    public async Task The_Python_sample_client_is_certified_for_reads_and_signed_writes_within_30_s()
    {
        var run = await SuiteRun.RunInOneProcessAsync("client-python", new Dictionary<string, string>
        {
            ["CREWPASS_CLIENT_COMMAND"] = "python3 fixtures/clients/python/client.py",
            ["CREWPASS_CLIENT_NAME"] = "CrewPass sample client (Python)",
            ["CREWPASS_STRICT"] = "true",
            ["CREWPASS_CERTIFY"] = "true",
        }, SuiteRun.ClientChecks);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Skipped.Should().BeEmpty(run.Describe());
        run.Elapsed
            .Should().BeLessThan(TimeSpan.FromSeconds(30), "the whole client certification, Retry-After waits included");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run.ResultsDirectory, "conformance-report.json")))!;
        var client = report["targets"]!.AsArray().Single(t => t!["kind"]!.ToString() == "client")!;
        client["partnerId"]!.ToString().Should().Be("CrewPass sample client (Python)");
        report["clientCertificate"]!["path"]!.ToString().Should().EndWith("client-certificate.pdf");
        report["certificate"].Should().BeNull("the embedded reference is never certified as a deployment");
        File.Exists(Path.Combine(run.ResultsDirectory, "client-certificate.pdf")).Should().BeTrue();
        File.Exists(Path.Combine(run.ResultsDirectory, "conformance-certificate.pdf")).Should().BeFalse();
        run.Output.Should().Contain("client certificate ").And.Contain("bound to the report by SHA-256");
        run.Output
            .Should().NotContain("Chromium for WEB-01", "a run whose filter leaves no WEB-01 check starts no browser for it (the certificate's PDF starts its own)");
    }

    [Test]
    public async Task A_deployment_run_with_no_client_skips_the_CLIENT_checks_naming_both_settings_even_under_Strict()
    {
        await using var target = await Deployment.StartAsync();
        var run = await SuiteRun.RunInOneProcessAsync("client-none", target.With(("CREWPASS_STRICT", "true")), SuiteRun.ClientChecks);
        run.Failed.Should().BeEmpty(run.Describe());
        run.Skipped
            .Should().HaveCountGreaterThan(30).And.OnlyContain(o => o.Message.Contains("ClientCommand (CREWPASS_CLIENT_COMMAND)") && o.Message.Contains("ClientRecording (CREWPASS_CLIENT_RECORDING)"));
    }

    /// <summary>A client behind a scheduler: the sandbox records until stopped, the client runs on its own, the suite judges the recording.</summary>
    [Test]
    public async Task A_recorded_client_is_judged_from_its_recording()
    {
        var folder = await RecordAsync("recording");
        var run = await SuiteRun.RunInOneProcessAsync("client-recorded", new Dictionary<string, string> { ["CREWPASS_CLIENT_RECORDING"] = folder, ["CREWPASS_STRICT"] = "true" },
            SuiteRun.ClientChecks);
        run.Failed.Select(o => $"{o.Name}: {o.Message}").Should().BeEmpty(run.Describe());
        run.Passed.Should().HaveCountGreaterThan(30, run.Describe());
        // A recording holds no exit status: those halves are named as not judged, never passed.
        run.Verdicts.Where(v => v.NotJudged is not null).Select(v => v.Clause)
            .Should().BeEquivalentTo(["CLIENT-04", "CLIENT-06", "CLIENT-07"]);
        run.Verdicts.Where(v => v.NotJudged is not null).Should().OnlyContain(v => v.Outcome == Outcome.NotApplicable);

        // The engine's entry point judges the same recording in-process, with no test framework, case for case alike.
        var judged = await Judge.ClientRecordingAsync(folder);
        judged.Verdicts.Select(v => (v.Test, v.Outcome))
            .Should().BeEquivalentTo(run.Verdicts.Where(v => v.Target == "client").Select(v => (v.Name, v.Outcome)));
        judged.Report.Gate.ExitCode
            .Should().Be(GateExitCodes.Conformant, string.Join("\n", judged.Report.Gate.Reasons));
        judged.CertificateBlockers.Should().BeEmpty();

        // What the certification service will do with a clean judgement: store the report, sign its facts, verify them.
        var stored = ReportWriter.Write(judged.Report, Scratch.NewFolder("judged-report"));
        var key = Certification.IssuerKey.LoadOrCreate(Scratch.NewFolder("issuer"));
        var claims = judged.ClaimsFor("cert_test", "https://certify.crewpass.example/", "Acme Shipping", "acme", stored.Sha256, DateTimeOffset.UtcNow);
        claims.ClausesPassed.Should().Contain("CLIENT-01");
        claims.NotJudged
            .Should().HaveCount(3, "the exit-status halves of CLIENT-04, CLIENT-06 and CLIENT-07 are named, never passed");
        var verified = await Certification.CertificateVerifier.VerifyAsync(Certification.SignedCertificate.Issue(claims, key),
            new Microsoft.IdentityModel.Tokens.JsonWebKeySet(key.Jwks()), stored.JsonPath, null, DateTimeOffset.UtcNow);
        verified.Valid.Should().BeTrue(verified.Reason);

        // The same recording with the key added to one request's URL: the engine fails CLIENT-03, and nothing else.
        var leaked = CopyOf(folder, "recording-key-in-url");
        var plain = Path.Combine(leaked, "plain", "recording.json");
        var recording = JsonNode.Parse(await File.ReadAllTextAsync(plain))!;
        recording["requests"]![0]!["target"] = recording["requests"]![0]!["target"]!.GetValue<string>() + "?api_key={{api-key}}";
        await File.WriteAllTextAsync(plain, recording.ToJsonString());
        var failing = await Judge.ClientRecordingAsync(leaked);
        failing.Verdicts.Where(v => v.Outcome == Outcome.Failed).Select(v => v.Test).Should().Equal("CLIENT_03_the_key_never_travels_in_a_URL_a_cookie_or_a_body(plain)");
        failing.Report.Gate.ExitCode.Should().Be(GateExitCodes.NotConformant);
        failing.CertificateBlockers.Should().NotBeEmpty();

        // The page of a self-run certificate says who did not issue it, and a client's name stays text.
        var named = await Judge.ClientRecordingAsync(folder, new JudgeOptions(ClientName: "<script>alert(1)</script>"));
        var page = Certificate.ClientPage(named.Report, new string('0', 64), Certificate.SelfRun);
        page
            .Should().Contain(Certificate.SelfRun).And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert");
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task The_engine_names_an_empty_recording_folder_in_one_problem()
    {
        var judged = await Judge.ClientRecordingAsync(Scratch.NewFile("no-recording"));
        judged.Verdicts.Should().BeEmpty();
        judged.Report.Problems.Should().ContainSingle().Which.Should().Contain("ClientRecording");
        judged.Report.Gate.ExitCode.Should().Be(GateExitCodes.CannotTest);
    }

    private static string CopyOf(string folder, string name)
    {
        var copy = Scratch.NewFolder(name);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Runs a recording sandbox and the sample client through every scenario; returns the folder.</summary>
    private static async Task<string> RecordAsync(string name)
    {
        var folder = Scratch.NewFile(name);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Repository.ReferenceAssembly, "--certify-client", "--record", folder })
            start.ArgumentList.Add(argument);
        using var sandbox = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await sandbox.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal)) { }
            var scenarios = Directory.GetDirectories(folder).Select(Path.GetFileName).ToArray();
            scenarios.Should().HaveCount(7);
            await Task.WhenAll(scenarios.Select(async scenario =>
            {
                var client = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
                client.ArgumentList.Add(Repository.Path("fixtures", "clients", "python", "client.py"));
                foreach (var line in await File.ReadAllLinesAsync(Path.Combine(folder, scenario!, "client.env")))
                    client.Environment[line.Split('=', 2)[0]] = line.Split('=', 2)[1];
                using var process = Process.Start(client)!;
                await process.WaitForExitAsync();
            }));
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
            await sandbox.WaitForExitAsync();
        }
        return folder;
    }
}
