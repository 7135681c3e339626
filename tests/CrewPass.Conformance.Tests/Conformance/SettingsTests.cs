using CrewPass.Conformance.Settings;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

public sealed class SettingsTests
{
    private static readonly Dictionary<string, string> None = [];

    private static string Profile(string json)
    {
        var path = Scratch.NewFile("profile.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public void The_environment_name_is_upper_snake_case_behind_CREWPASS() =>
        SettingDefinitions.All.Select(s => s.EnvironmentName).Should()
            .Contain(["CREWPASS_BASE_URL", "CREWPASS_LIVE_KEY", "CREWPASS_WRITE_SURFACE", "CREWPASS_PROFILE", "CREWPASS_CA_CERTIFICATE", "CREWPASS_OTHER_PARTNER_KEY"]);

    [Test]
    public void Every_setting_of_CONTRACT_md_is_defined()
    {
        var contract = Repository.ContractText();
        // Header and scheme names and the runsettings element are backticked there too; they are not settings.
        var named = System.Text.RegularExpressions.Regex.Matches(contract, @"`([A-Z][A-Za-z]+)`").Select(m => m.Groups[1].Value)
            .Where(n => n.Any(char.IsLower) && n is not ("Authorization" or "Bearer" or "Basic" or "Date" or "RateLimit" or "TestRunParameters")).Distinct();
        named.Where(n => SettingDefinitions.Find(n) is null).Should().BeEmpty("every setting CONTRACT.md names needs a definition");
    }

    [Test]
    public void The_environment_wins_over_runsettings_which_win_over_the_profile()
    {
        var profile = Profile("""{"InvalidKeyStatus": 403, "InsufficientScopeStatus": 401, "LongKeyBytes": 16384}""");
        var settings = HarnessSettings.Load(
            new Dictionary<string, string> { ["Profile"] = profile, ["InvalidKeyStatus"] = "400", ["InsufficientScopeStatus"] = "402" },
            new Dictionary<string, string> { ["CREWPASS_INVALID_KEY_STATUS"] = "418" });
        settings.InvalidKeyStatus.Should().Be(418);
        settings.InsufficientScopeStatus.Should().Be(402);
        settings.LongKeyBytes.Should().Be(16384);
        settings.ErrorCodePointer.Should().Be("/error/code");
    }

    [Test]
    public void A_runsettings_typo_names_the_setting_and_suggests_the_right_one() =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["LiveKy"] = "x" }, None))
            .Should().Throw<HarnessConfigurationException>().WithMessage("*'LiveKy'*runsettings*did you mean 'LiveKey'*");

    [Test]
    public void An_unknown_CREWPASS_variable_names_itself_and_suggests_the_right_one() =>
        FluentActions.Invoking(() => HarnessSettings.Load(None, new Dictionary<string, string> { ["CREWPASS_BASEURL"] = "x" }))
            .Should().Throw<HarnessConfigurationException>().WithMessage("*CREWPASS_BASEURL*environment*did you mean 'CREWPASS_BASE_URL'*");

    [Test]
    public void A_profile_that_is_not_JSON_names_the_file() =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = Profile("{ InvalidKeyStatus: ") }, None))
            .Should().Throw<HarnessConfigurationException>().WithMessage("*profile*/profile-*.json (CREWPASS_PROFILE)*not valid JSON*");

    [Test]
    public void A_missing_profile_names_the_file() =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = "/nonexistent/profile.json" }, None))
            .Should().Throw<HarnessConfigurationException>().WithMessage("*/nonexistent/profile.json*cannot be read*");

    [Test]
    public void A_key_in_a_profile_is_refused() =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = Profile("""{"LiveKey": "cpk_live_x"}""") }, None))
            .Should().Throw<HarnessConfigurationException>().WithMessage("*LiveKey is a key or secret*CREWPASS_LIVE_KEY*");

    [TestCase("CREWPASS_WRITE_SURFACE", "on", "*CREWPASS_WRITE_SURFACE*'on'*disabled, enabled*")]
    [TestCase("CREWPASS_BASE_URL", "partners.crewpass.co.uk", "*CREWPASS_BASE_URL*neither*URL*")]
    [TestCase("CREWPASS_EMBEDDED_FAULTS_ON", "scale", "*EmbeddedFaultsOn*")]
    // Faults on an added read need one: the message names both settings.
    [TestCase("CREWPASS_EMBEDDED_FAULTS_ON", "added", "*EmbeddedFaultsOn=added*EmbeddedExtraEndpoints*")]
    public void A_bad_value_names_the_setting_and_where_it_came_from(string variable, string value, string message) =>
        FluentActions.Invoking(() => HarnessSettings.Load(None, new Dictionary<string, string> { [variable] = value }))
            .Should().Throw<HarnessConfigurationException>().WithMessage(message);

    [Test]
    public void Profile_endpoints_add_to_the_catalogue()
    {
        var profile = Profile("""{"Endpoints": [{"method": "GET", "path": "/api/v2/crew", "scope": "crew:read", "schema": "crew.schema.json", "shape": "list"}]}""");
        // The row's schema lives beside the profile, wherever the run starts.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(profile)!, "crew.schema.json"), """{"type": "object"}""");
        var settings = HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = profile }, None);
        settings.Endpoints.Select(e => e.Path).Should().Equal(ContractDefaults.MePath, ContractDefaults.VesselListPath, "/api/v2/crew");
        settings.Endpoints[^1].Schema.Should().Be(Path.Combine(Path.GetDirectoryName(profile)!, "crew.schema.json"));
        settings.Endpoints[^1].Shape.Should().Be(BodyShape.List);
    }

    [Test]
    public void Defaults_describe_the_reference_deployment()
    {
        var settings = HarnessSettings.Load(None, None);
        settings.IsEmbedded.Should().BeTrue();
        settings.InvalidKeyStatus.Should().Be(401);
        settings.WriteSurfaceEnabled.Should().BeFalse();
        settings.WriteOperations.Select(o => o.Name).Should().Equal("vessel-attach", "crew-placement", "background-check");
    }

    /// <summary>Past its bound a setting would weaken a check; each is refused with one message naming it.</summary>
    [TestCase("RateLimitScope", "key")]
    [TestCase("SkewMargin", "31")]
    [TestCase("SkewMargin", "0")]
    [TestCase("LongKeyBytes", "8191")]
    [TestCase("LongKeyBytes", "1")]
    [TestCase("MaxRecoveryWait", "59")]
    [TestCase("MaxExhaustionRequests", "199")]
    [TestCase("InvalidKeyStatus", "200")]
    [TestCase("InvalidKeyStatus", "429")]
    [TestCase("InsufficientScopeStatus", "500")]
    [TestCase("SignatureErrorStatus", "204")]
    [TestCase("RequestTimeout", "0")]
    public void A_profile_value_past_its_bound_is_refused_naming_the_setting(string setting, string value) =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = Profile($$"""{"{{setting}}": "{{value}}"}""") }, None))
            .Should().Throw<HarnessConfigurationException>().Which.Setting.Should().Be(setting);

    [Test]
    public void An_error_schema_that_takes_anything_is_refused()
    {
        var profile = Profile("""{"ErrorSchema": "anything.schema.json"}""");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(profile)!, "anything.schema.json"), """{"type": "object"}""");
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string> { ["Profile"] = profile }, None))
            .Should().Throw<HarnessConfigurationException>().Which.Setting.Should().Be("ErrorSchema");
    }

    [Test]
    public void Write_operations_that_drop_a_documented_one_are_refused() =>
        FluentActions.Invoking(() => HarnessSettings.Load(new Dictionary<string, string>
        {
            ["Profile"] = Profile("""{"WriteOperations": [{"name": "vessel-attach", "method": "POST", "path": "/x", "body": "{}"}], "SigningOperation": "vessel-attach"}"""),
        }, None))
            .Should().Throw<HarnessConfigurationException>().Which.Setting.Should().Be("WriteOperations");

    [Test]
    public void Every_bound_admits_its_default() =>
        SettingDefinitions.All.Where(d => d.Bound is not null && d.Default is not null)
            .Where(d => !d.Bound!.Allows(int.Parse(d.Default!, System.Globalization.CultureInfo.InvariantCulture))).Select(d => d.Name).Should().BeEmpty();
}
