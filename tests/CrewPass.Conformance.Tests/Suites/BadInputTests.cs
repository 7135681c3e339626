using System.Text.RegularExpressions;
using CrewPass.Reference;
using CrewPass.Conformance.Reporting;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

/// <summary>Bad input to the harness ends in one failure whose message names the setting to fix, quickly.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BadInputTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);
    private ReferenceHost _target = null!;
    private string _caPath = null!;

    [OneTimeSetUp]
    public async Task StartTarget()
    {
        _target = await ReferenceHost.StartAsync(new ReferenceOptions());
        _caPath = Scratch.NewFile("ca.pem");
        await File.WriteAllTextAsync(_caPath, _target.CaCertificatePem);
    }

    [OneTimeTearDown]
    public async Task StopTarget() => await _target.DisposeAsync();

    private Dictionary<string, string> TargetSettings() => new()
    {
        ["CREWPASS_BASE_URL"] = _target.BaseUrl,
        ["CREWPASS_CA_CERTIFICATE"] = _caPath,
        ["CREWPASS_LIVE_KEY"] = _target.Credentials.LiveKey,
        ["CREWPASS_TEST_KEY"] = _target.Credentials.TestKey,
    };

    private static void ExpectOneFailureNaming(SuiteRunResult run, string setting)
    {
        // One failure with one message; whatever else was listed did not run (a target known only by name until the
        // preflight failed), and says so.
        run.Failed.Should().ContainSingle(run.Output);
        run.Outcomes.Except(run.Failed).Should().OnlyContain(o => o.Outcome == TrxOutcome.NotExecuted, "nothing but the preflight's one message");
        run.Verdicts.Should().BeEmpty("no check ran, so the report holds no verdict");
        run.Failed.Single().Message.Should().Contain(setting);
        run.ExitCode.Should().NotBe(0);
        run.Elapsed.Should().BeLessThan(Quick);
    }

    /// <summary>The target's settings, pointed at a loopback port nothing listens on.</summary>
    private Dictionary<string, string> ClosedPortSettings()
    {
        var settings = TargetSettings();
        settings["CREWPASS_BASE_URL"] = $"https://127.0.0.1:{Loopback.UnusedPort()}";
        return settings;
    }

    [Test]
    public async Task A_closed_port_is_one_message_naming_BaseUrl() =>
        ExpectOneFailureNaming(await SuiteRun.RunInOneProcessAsync("closed-port", ClosedPortSettings()), "BaseUrl");

    [Test]
    public async Task A_certificate_from_another_CA_is_one_message_naming_CaCertificate()
    {
        var otherCa = Scratch.NewFile("other-ca.pem");
        await File.WriteAllTextAsync(otherCa, Certificates.Create().AuthorityPem);
        var settings = TargetSettings();
        settings["CREWPASS_CA_CERTIFICATE"] = otherCa;
        ExpectOneFailureNaming(await SuiteRun.RunInOneProcessAsync("wrong-ca", settings), "CaCertificate");
    }

    [Test]
    public async Task No_CaCertificate_for_a_private_CA_is_one_message_naming_CaCertificate()
    {
        var settings = TargetSettings();
        settings.Remove("CREWPASS_CA_CERTIFICATE");
        ExpectOneFailureNaming(await SuiteRun.RunInOneProcessAsync("no-ca", settings), "CaCertificate");
    }

    [Test]
    public async Task A_refused_LiveKey_is_one_message_naming_LiveKey()
    {
        var settings = TargetSettings();
        settings["CREWPASS_LIVE_KEY"] = "cpk_live_" + new string('Z', 24);
        var run = await SuiteRun.RunAsync("refused-key", settings);
        ExpectOneFailureNaming(run, "LiveKey");
        run.Output.Should().NotContain(new string('Z', 24), "the refused key is redacted too");
    }

    [Test]
    public async Task A_runsettings_typo_is_one_message_naming_the_setting()
    {
        var runsettings = Scratch.NewFile("typo.runsettings");
        await File.WriteAllTextAsync(runsettings, """
            <RunSettings><TestRunParameters><Parameter name="LiveKy" value="x" /></TestRunParameters></RunSettings>
            """);
        var run = await SuiteRun.RunAsync("typo", TargetSettings(), "--settings", runsettings);
        ExpectOneFailureNaming(run, "did you mean 'LiveKey'");
    }

    [Test]
    public async Task A_malformed_profile_is_one_message_naming_the_profile()
    {
        var profile = Scratch.NewFile("profile.json");
        await File.WriteAllTextAsync(profile, "{\"InvalidKeyStatus\": 401,");
        var settings = TargetSettings();
        settings["CREWPASS_PROFILE"] = profile;
        ExpectOneFailureNaming(await SuiteRun.RunInOneProcessAsync("bad-profile", settings), "CREWPASS_PROFILE");
    }

    [Test]
    public async Task Missing_optional_keys_skip_naming_the_setting_and_fail_under_Strict()
    {
        var lenient = await SuiteRun.RunInOneProcessAsync("optional-missing", TargetSettings());
        lenient.Failed.Should().BeEmpty(lenient.Describe());
        // The CLIENT checks judge a client, and this run names none: they skip naming both settings, strict or not.
        var noClient = lenient.Skipped.Where(o => o.Clause.StartsWith("CLIENT-")).ToArray();
        noClient.Should().NotBeEmpty().And.OnlyContain(o => o.Message.Contains("CREWPASS_CLIENT_COMMAND") && o.Message.Contains("CREWPASS_CLIENT_RECORDING"));
        // Typed: a skip for a missing setting names it (and the message says how to set it); every other skip is not applicable.
        var deploymentSkips = lenient.Verdicts.Where(v => !v.Clause.StartsWith("CLIENT-") && v.Outcome is Outcome.Skipped or Outcome.NotApplicable).ToArray();
        var needs = deploymentSkips.Where(v => v.Outcome == Outcome.Skipped).ToArray();
        needs.Should().NotBeEmpty().And.OnlyContain(v => v.Needs != null && v.Message.Contains("CREWPASS_"));
        deploymentSkips.Except(needs).Should().OnlyContain(v => v.Outcome == Outcome.NotApplicable, "the only other skips are clauses the target rules out");

        var strictSettings = TargetSettings();
        strictSettings["CREWPASS_STRICT"] = "true";
        var strict = await SuiteRun.RunInOneProcessAsync("optional-missing-strict", strictSettings);
        strict.Failed.Select(o => o.Name).Should().BeEquivalentTo(needs.Select(o => o.Name), "a missing setting fails a strict run; not applicable never does");
        strict.ExitCode.Should().NotBe(0);
        strict.Skipped.Select(o => o.Name).Should().Contain(noClient.Select(o => o.Name), "Strict judges the subjects a run has; this run judges no client");
    }

    private async Task<SuiteRunResult> RunWithAsync(string name, params (string Name, string Value)[] overrides)
    {
        var settings = TargetSettings();
        foreach (var (key, value) in overrides) settings[key] = value;
        return await SuiteRun.RunInOneProcessAsync(name, settings);
    }

    private static async Task<string> TempFileAsync(string content, string extension = ".json")
    {
        var path = Scratch.NewFile("input" + extension);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    [Test]
    public async Task A_missing_ErrorSchema_is_one_message_naming_it() =>
        ExpectOneFailureNaming(await RunWithAsync("error-schema-missing", ("CREWPASS_ERROR_SCHEMA", "/no/such/error.schema.json")), "ErrorSchema");

    [Test]
    public async Task An_ErrorSchema_that_is_not_a_schema_is_one_message_naming_it() =>
        ExpectOneFailureNaming(await RunWithAsync("error-schema-broken", ("CREWPASS_ERROR_SCHEMA", await TempFileAsync("{\"type\": "))), "ErrorSchema");

    [Test]
    public async Task A_MaxRecoveryWait_that_is_not_a_number_is_one_message_naming_it() =>
        ExpectOneFailureNaming(await RunWithAsync("max-recovery-wait", ("CREWPASS_MAX_RECOVERY_WAIT", "an hour")), "MaxRecoveryWait");

    [Test]
    public async Task A_profile_row_that_drops_a_catalogued_scope_is_one_message_naming_Endpoints()
    {
        var schema = await TempFileAsync("""{"type": "object"}""");
        var profile = await TempFileAsync($$"""{"Endpoints": [{"method": "GET", "path": "/api/v2/employers/me/vessels", "scope": null, "schema": "{{Path.GetFileName(schema)}}", "shape": "list"}]}""");
        var run = await RunWithAsync("profile-drops-scope", ("CREWPASS_PROFILE", profile));
        ExpectOneFailureNaming(run, "Endpoints");
        run.Failed.Single().Message.Should().Contain("never drops a requirement");
    }

    [Test]
    public async Task A_known_deviation_expiring_more_than_90_days_ahead_is_one_message_naming_KnownDeviations()
    {
        // 92, not 91: the run reads today's date after this line does, and a run that starts past midnight UTC would see 91 as 90.
        var expires = DateTime.UtcNow.AddDays(92).ToString("yyyy-MM-dd");
        var deviations = await TempFileAsync($$"""{"deviations": [{"clause": "KEY-03", "reason": "the proxy strips the challenge", "expires": "{{expires}}"}]}""");
        ExpectOneFailureNaming(await RunWithAsync("deviation-far", ("CREWPASS_KNOWN_DEVIATIONS", deviations)), "KnownDeviations");
    }

    [Test]
    public async Task A_profile_row_whose_schema_does_not_exist_is_one_message_naming_Endpoints()
    {
        var profile = await TempFileAsync("""{"Endpoints": [{"method": "GET", "path": "/api/v2/crew", "scope": "crew:read", "schema": "no-such.schema.json", "shape": "list"}]}""");
        var run = await RunWithAsync("profile-schema-missing", ("CREWPASS_PROFILE", profile));
        ExpectOneFailureNaming(run, "Endpoints");
        run.Failed.Single().Message.Should().Contain(Path.Combine(Path.GetDirectoryName(profile)!, "no-such.schema.json"), "a profile's schema path is relative to the profile");
    }

    /// <summary>A filter that leaves the preflight test out still gets its one message: the first check that runs reports it.</summary>
    [Test]
    public async Task A_filtered_run_against_a_closed_port_still_names_BaseUrl_once()
    {
        var run = await SuiteRun.RunAsync("closed-port-filtered", ClosedPortSettings(), "--filter", "TestCategory=KEY-01");
        run.Output.Should().NotContain("No test matches");
        ExpectOneFailureNaming(run, "BaseUrl");
        run.Failed.Single().Name.Should().StartWith("KEY_01_");
    }

    private static Task<SuiteRunResult> ClientRunAsync(string name, params (string Name, string Value)[] settings) =>
        SuiteRun.RunInOneProcessAsync(name, settings.ToDictionary(s => s.Name, s => s.Value), SuiteRun.ClientChecks);

    [Test]
    public async Task Certify_for_a_client_with_neither_ClientCommand_nor_ClientRecording_is_one_message_naming_both()
    {
        var run = await ClientRunAsync("client-certify-none", ("CREWPASS_CERTIFY", "true"), ("CREWPASS_STRICT", "true"));
        ExpectOneFailureNaming(run, "ClientCommand (CREWPASS_CLIENT_COMMAND)");
        run.Failed.Single().Message.Should().Contain("ClientRecording (CREWPASS_CLIENT_RECORDING)");
    }

    [Test]
    public async Task A_client_command_that_does_not_exist_is_one_message_quoting_the_shell()
    {
        var run = await ClientRunAsync("client-no-command", ("CREWPASS_CLIENT_COMMAND", "crewpass-no-such-client --read"));
        ExpectOneFailureNaming(run, "ClientCommand");
        run.Failed.Single().Message.Should().Contain("exited 127").And.Contain("crewpass-no-such-client: not found");
    }

    [Test]
    public async Task An_empty_recording_folder_is_one_message_naming_ClientRecording()
    {
        var folder = Scratch.NewFolder("empty-recording");
        ExpectOneFailureNaming(await ClientRunAsync("client-empty-recording", ("CREWPASS_CLIENT_RECORDING", folder)), "ClientRecording");
    }

    [Test]
    public async Task A_recording_from_another_version_is_one_message_naming_both_versions()
    {
        var folder = Scratch.NewFolder("old-recording");
        foreach (var scenario in new[] { "plain", "extra-fields", "rate-limited", "rate-limited-date", "refused-key", "untrusted-certificate", "write-dropped" })
        {
            Directory.CreateDirectory(Path.Combine(folder, scenario));
            await File.WriteAllTextAsync(Path.Combine(folder, scenario, "recording.json"),
                $$"""{"format":"crewpass-client-recording","version":1,"sandbox":"0.0.1+0000000","scenario":"{{scenario}}","seed":1,"retryAfterSeconds":2,"connections":[],"requests":[]}""");
        }
        var run = await ClientRunAsync("client-old-recording", ("CREWPASS_CLIENT_RECORDING", folder));
        ExpectOneFailureNaming(run, "ClientRecording");
        run.Failed.Single().Message.Should().Contain("0.0.1+0000000").And.Contain("record it again");
    }

    /// <summary>A client that prints its key and secret: neither reaches any file the run writes, nor its output.</summary>
    [Test]
    public async Task A_client_that_prints_its_key_leaves_no_key_in_any_file_written()
    {
        // Through dotnet test: its TRX, JUnit file and console are among what the run writes.
        var run = await SuiteRun.RunAsync("client-prints-key", new Dictionary<string, string>
        {
            ["CREWPASS_CLIENT_COMMAND"] = "echo \"debug: key=$CREWPASS_API_KEY secret=$CREWPASS_SIGNING_SECRET\"; python3 fixtures/clients/python/client.py",
        }, "--filter", "TestCategory~CLIENT-");
        run.Failed.Should().BeEmpty(run.Describe());
        var leaks = new Regex("cpk_test_[A-Za-z0-9]{24}|cpsk_[A-Za-z0-9]{40}");
        var files = Directory.EnumerateFiles(run.ResultsDirectory, "*", SearchOption.AllDirectories).ToArray();
        files.Should().Contain(f => f.EndsWith("client-output.txt"));
        files.Where(f => leaks.IsMatch(File.ReadAllText(f))).Should().BeEmpty("keys and secrets are redacted in every file written");
        leaks.IsMatch(run.Output).Should().BeFalse();
        File.ReadAllText(files.First(f => f.EndsWith(Path.Combine("client", "plain", "client-output.txt")))).Should().Contain("debug: key=cpk_test_");
    }
}
