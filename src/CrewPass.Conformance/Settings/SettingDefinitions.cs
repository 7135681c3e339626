namespace CrewPass.Conformance.Settings;

/// <summary>Every setting of CONTRACT.md ("What a target provides") and of the run, with its default.</summary>
public static class SettingDefinitions
{
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("BaseUrl", SettingKind.Target, "embedded", "The deployment's base URL; `embedded` starts the in-process reference deployment."),
        new("CaCertificate", SettingKind.Target, null, "PEM file (or PEM text) of the CA to trust for a private or self-signed target, as curl --cacert."),
        new("Profile", SettingKind.Target, null, "Path of a JSON profile file holding the deployment's conventions (any Profile setting below).") { IsPath = true },
        new("LiveKey", SettingKind.Secret, null, "A `cpk_live_` key of the partner under test."),
        new("TestKey", SettingKind.Secret, null, "The same partner's `cpk_test_` key."),
        new("WidgetKey", SettingKind.Secret, null, "A genuine `cppk_` widget key of the same partner (KEY-05)."),
        new("RevokedKey", SettingKind.Secret, null, "A revoked key of the same partner (KEY-01)."),
        new("RestrictedKey", SettingKind.Secret, null, "A key whose plan lacks `vessels:read` (ME-01, ME-03)."),
        new("OtherPartnerKey", SettingKind.Secret, null, "A key of another partner (DATA-03, RATE-04)."),
        new("RateLimitKey", SettingKind.Secret, null, "A key of a partner reserved for rate-limit checks (RATE-*)."),
        new("SigningSecret", SettingKind.Secret, null, "The v2 signing secret of the LiveKey/TestKey partner (SIG-*)."),
        new("OtherSigningSecret", SettingKind.Secret, null, "Another partner's v2 signing secret (SIG-04)."),
        new("InvalidKeyStatus", SettingKind.Profile, "401", "Status of the invalid_api_key answer.") { Bound = Bounds.Refusal },
        new("InsufficientScopeStatus", SettingKind.Profile, "403", "Status of the insufficient_scope answer.") { Bound = Bounds.Refusal },
        new("ErrorCodePointer", SettingKind.Profile, "/error/code", "JSON pointer to the error code in an error body."),
        new("LongKeyBytes", SettingKind.Profile, "8192", "The target's header limit: a longer key may get an HTTP-layer 400 or 431.") { Bound = Bounds.LongKeyBytes },
        new("ErrorSchema", SettingKind.Profile, null, "JSON schema file of the deployment's error body (KEY-02, HTTP-01); defaults to the bundled error.schema.json.") { IsPath = true },
        new("Endpoints", SettingKind.Profile, null, "Extra catalogued read endpoints, a JSON array of {method, path, scope, schema, shape: list|object}; schema paths are relative to the profile. A row with a catalogued path may add a schema, never drop its scope."),
        new("RateLimitHeaders", SettingKind.Profile, "auto", "Rate-limit header convention: auto, x-ratelimit, ietf-draft or ietf-structured. Against `embedded`, the reference writes the one named (auto: x-ratelimit).") { OneOf = ["auto", "x-ratelimit", "ietf-draft", "ietf-structured"] },
        new("RateLimitScope", SettingKind.Profile, "partner", "What one rate-limit budget covers: partner, the page's word (\"rate-limited per partner\"): the live key, the test key and both header forms share it. No other value is taken: a budget per key would let RATE-03 pass a bypass.") { OneOf = ["partner"] },
        new("MaxExhaustionRequests", SettingKind.Profile, "200", "The largest limit the harness will exhaust (RATE-05).") { Bound = Bounds.MaxExhaustionRequests },
        new("MaxRecoveryWait", SettingKind.Profile, "60", "Seconds RATE-05 waits for service to resume after a 429; a longer Retry-After (an hourly window) makes the recovery part a skip naming this setting.") { Bound = Bounds.MaxRecoveryWait },
        new("MaxInFlight", SettingKind.Profile, "64", "Requests the harness keeps on the wire to the target at once, at most: its capacity (a staging behind a small gateway may want 8). The report says how many the run used.") { Bound = Bounds.Positive },
        new("AllowRateLimitExhaustion", SettingKind.Profile, "false", "Allow RATE-05 to spend a whole budget."),
        new("AllowLiveExhaustion", SettingKind.Profile, "false", "Allow RATE-05 to exhaust a live key's budget."),
        new("WriteSurface", SettingKind.Profile, "disabled", "disabled (this release) or enabled (a deployment that ships v2 writes).") { OneOf = ["disabled", "enabled"] },
        new("WriteOperations", SettingKind.Profile, null, "The write operations, a JSON array of {name, method, path, body}; defaults to CONTRACT.md's three."),
        new("SigningOperation", SettingKind.Profile, "crew-placement", "The write operation the signing checks probe with (SIG-04 to SIG-08)."),
        new("SignatureErrorStatus", SettingKind.Profile, "401", "Status of a signature rejection.") { Bound = Bounds.Refusal },
        new("SignatureErrorCodes", SettingKind.Profile, "invalid_signature,stale_timestamp,replayed_nonce", "Codes a signature rejection may carry."),
        new("SkewMargin", SettingKind.Profile, "5", "Seconds of margin m for the timestamp-window probes (SIG-06): they sit at ±(300 − m) and ±(300 + m) of the server's clock.") { Bound = Bounds.SkewMargin },
        new("FailOn", SettingKind.Run, "must", "must: only MUST failures fail the run; should: SHOULD failures fail it too.") { OneOf = ["must", "should"] },
        new("Strict", SettingKind.Run, "false", "true: a check skipped for a missing setting fails the run (certification)."),
        new("KnownDeviations", SettingKind.Run, null, "Path of a JSON file of accepted failures: clause (and optionally test), reason, expiry date at most 90 days ahead; never honoured under Strict.") { IsPath = true },
        new("Certify", SettingKind.Run, "false", "true: a complete, clean run (Strict, no MUST or SHOULD failure, nothing skipped) writes conformance-certificate.pdf."),
        new("Chromium", SettingKind.Run, null, $"The Chromium executable for WEB-01 and the certificate; defaults to the first of {Browser.Chromium.NamesInOrder} on PATH, then Playwright's browsers."),
        new("RequestTimeout", SettingKind.Run, "10", "Seconds before one request counts as a transport error.") { Bound = Bounds.Positive },
        new("FuzzSeed", SettingKind.Run, null, "Seed of the generated malformed keys (KEY-01); the run prints the one it used."),
        new("ReportDirectory", SettingKind.Run, null, "Where the run writes its summary; defaults to the test run's results directory."),
        new("SigningVectors", SettingKind.Run, null, "Path of a signing-vectors file for SIG-01; defaults to the bundled fixtures/signing/vectors.json."),
        new("EmbeddedClockOffset", SettingKind.Run, "0", "Embedded target only: seconds the reference's clock runs ahead (or behind, negative) of real time."),
        new("EmbeddedTrouble", SettingKind.Run, null, "Embedded target only: network trouble to inject, e.g. `latency=200,resets=0.05,slow=0.02` (ms and shares)."),
        new("EmbeddedVariations", SettingKind.Run, null, "Embedded target only: comma-separated legal choices of the reference to run against as extra targets, each with its profile, or `all` (the legal-variation matrix)."),
        new("ClientCommand", SettingKind.Run, null, "The partner's client as one shell command, run once per CLIENT scenario against the sandbox, given CREWPASS_BASE_URL, CREWPASS_API_KEY, CREWPASS_SIGNING_SECRET and CREWPASS_CA_CERTIFICATE. Against `embedded` it defaults to the Python sample client (fixtures/clients/python/client.py)."),
        new("ClientRecording", SettingKind.Run, null, "Instead of ClientCommand: the folder a `--certify-client --record DIR` sandbox recorded a client into, judged as it stands.") { IsPath = true },
        new("ClientTimeout", SettingKind.Run, "60", "Seconds one run of ClientCommand may take; a client still running then is ended and reported as not finished.") { Bound = Bounds.Positive },
        new("ClientName", SettingKind.Run, null, "The client's name on its certificate and report; defaults to the command (or the recording's folder)."),
        new("ClientFaults", SettingKind.Run, null, "Comma-separated integration bugs of the sample client (fixtures/clients/faults.json) to judge as extra clients, or `all` (the client fault matrix)."),
        new("EmbeddedExtraEndpoints", SettingKind.Run, "0", "Embedded target only: N further reads the reference serves and the run declares (a deployment at scale; `bench/run.sh --scale`).") { Bound = Bounds.Count },
        new("EmbeddedFaults", SettingKind.Run, null, "Embedded target only: comma-separated reference faults to run against as extra targets, or `all` (the fault matrix)."),
        new("EmbeddedFaultsOn", SettingKind.Run, "catalogued", "Embedded target only: where each of EmbeddedFaults sits: `catalogued`, where the fault is named (most on every read, some on the vessel list), or `added`, on the first of the EmbeddedExtraEndpoints alone, every other read faithful (`all` then means every fault that acts on a read).") { OneOf = ["catalogued", "added"] },
    ];

    private static readonly Dictionary<string, SettingDefinition> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static SettingDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static SettingDefinition? FindByEnvironmentName(string name) => All.FirstOrDefault(s => s.EnvironmentName == name);

    /// <summary>The known name closest to a misspelt one, for "did you mean".</summary>
    public static string? Suggest(string unknown, Func<SettingDefinition, string> nameOf)
    {
        var best = All.Select(s => (Name: nameOf(s), Distance: Distance(unknown.ToUpperInvariant(), nameOf(s).ToUpperInvariant())))
            .OrderBy(x => x.Distance).First();
        return best.Distance <= Math.Max(2, unknown.Length / 4) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
