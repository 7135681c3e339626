using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Http;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance;

/// <summary>
/// One probe of a target before any check runs: is it reachable, does TLS succeed, does /partners/me accept
/// LiveKey and TestKey. Any failure is one message that names the setting to fix.
/// </summary>
public static class Preflight
{
    public static async Task<PreflightFacts> RunAsync(HarnessSettings settings, ConformanceClient client)
    {
        foreach (var (setting, prefix) in new[] { ("LiveKey", "cpk_live_"), ("TestKey", "cpk_test_") })
        {
            var key = settings[setting];
            var env = SettingDefinitions.Find(setting)!.EnvironmentName;
            if (key is null) throw new HarnessConfigurationException(setting, $"{setting} is not set: export {env}=<your {prefix}… key> (or set it in runsettings)");
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
                throw new HarnessConfigurationException(setting, $"{setting} ({Redactor.Mask(key)}) does not start with {prefix}; check {env}");
        }
        var live = await ProbeAsync(settings, client, "LiveKey");
        var test = await ProbeAsync(settings, client, "TestKey");
        return new PreflightFacts(live.StringAt("/partner_id")!, test.StringAt("/partner_id")!,
            new Dictionary<string, Exchange> { ["LiveKey"] = live, ["TestKey"] = test });
    }

    /// <summary>Refuses a cleartext non-loopback BaseUrl before anything is sent (AUTH-07).</summary>
    public static void CheckTransport(Uri baseUrl)
    {
        if (HarnessHandler.IsCleartextToRemote(baseUrl))
            throw new HarnessConfigurationException("BaseUrl",
                $"BaseUrl {baseUrl} is cleartext http to a non-loopback host; keys travel only over TLS (AUTH-07), so the harness sends nothing there. Use https.");
    }

    private static async Task<Exchange> ProbeAsync(HarnessSettings settings, ConformanceClient client, string keySetting)
    {
        var key = settings[keySetting]!;
        var env = SettingDefinitions.Find(keySetting)!.EnvironmentName;
        Exchange answer;
        try
        {
            answer = await client.GetAsync(ContractDefaults.MePath, r => r.WithBearer(key));
        }
        catch (TransportException e)
        {
            throw e.Failure switch
            {
                TransportFailure.Tls => new HarnessConfigurationException("CaCertificate",
                    $"CaCertificate: {e.Message}. Set CaCertificate (CREWPASS_CA_CERTIFICATE) to the PEM of the CA that issued the certificate of {client.BaseUrl.Host}."),
                TransportFailure.Timeout => new HarnessConfigurationException("BaseUrl",
                    $"BaseUrl {client.BaseUrl}: {e.Message} (RequestTimeout {settings.RequestTimeout.TotalSeconds:0} s). Is the deployment up and the URL right?"),
                _ => new HarnessConfigurationException("BaseUrl",
                    $"BaseUrl {client.BaseUrl}: {e.Message}. Is the deployment running and the URL right (CREWPASS_BASE_URL)?"),
            };
        }
        if (answer.Status == 200 && answer.StringAt("/partner_id") is not null) return answer;
        if (answer.Status is 401 or 403 || answer.Status == settings.InvalidKeyStatus)
            throw new HarnessConfigurationException(keySetting,
                $"{keySetting} ({Redactor.Mask(key)}) was refused: GET {ContractDefaults.MePath} answered {answer.Status} {answer.StringAt(settings.ErrorCodePointer)}. Check {env}.\n{answer.Evidence()}");
        throw new HarnessConfigurationException("BaseUrl",
            $"BaseUrl {client.BaseUrl}: GET {ContractDefaults.MePath} with {keySetting} answered {answer.Status}, not 200 with a partner_id. Is BaseUrl the API's root?\n{answer.Evidence()}");
    }
}
