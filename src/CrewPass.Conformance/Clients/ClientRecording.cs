using System.Globalization;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Clients;

/// <summary>One scenario's recording, as the client-certification sandbox wrote it (recording.json).</summary>
public sealed record ClientRecording(string Scenario, string Sandbox, int Seed, int RetryAfterSeconds,
    IReadOnlyList<RecordedConnection> Connections, IReadOnlyList<RecordedRequest> Requests)
{
    public const string Format = "crewpass-client-recording";
    public const int FormatVersion = 1;
    public const string FileName = "recording.json";
    public const string EnvironmentFile = "client.env";

    /// <summary>
    /// Reads DIR/&lt;scenario&gt;/recording.json. A missing file, another format, or a recording another version of the
    /// sandbox wrote is one configuration problem naming ClientRecording.
    /// </summary>
    public static ClientRecording Read(string folder, string scenario, string expectedVersion)
    {
        var path = System.IO.Path.Combine(folder, scenario, FileName);
        if (!File.Exists(path))
            throw new HarnessConfigurationException("ClientRecording",
                $"ClientRecording: {folder} holds no recording of the scenario '{scenario}' ({path} is missing). Record with `dotnet run --project src/CrewPass.Reference -- --certify-client --record {folder}`, run the client once per scenario, then judge.");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new HarnessConfigurationException("ClientRecording", $"ClientRecording: {path} is not JSON ({e.Message}); record it again.");
        }
        var format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
        var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 0;
        var sandbox = root.TryGetProperty("sandbox", out var s) ? s.GetString() ?? "" : "";
        if (format != Format || version != FormatVersion)
            throw new HarnessConfigurationException("ClientRecording",
                $"ClientRecording: {path} is not a client recording of format {Format} version {FormatVersion} (it says {format ?? "nothing"} version {version}); record it again with this harness's sandbox.");
        if (sandbox != expectedVersion)
            throw new HarnessConfigurationException("ClientRecording",
                $"ClientRecording: {path} was written by the sandbox of CrewPass.Conformance {sandbox}, and this is {expectedVersion}; record it again with this version's sandbox (its scenarios and checks go together).");
        var connections = root.GetProperty("connections").EnumerateArray()
            .Select(c => new RecordedConnection(c.GetProperty("id").GetString()!, c.GetProperty("openedAt").GetDateTimeOffset())).ToArray();
        var requests = root.GetProperty("requests").EnumerateArray().Select((r, i) =>
        {
            var answer = r.GetProperty("answer");
            return new RecordedRequest(i + 1, r.GetProperty("connection").GetString()!, r.GetProperty("arrivedAt").GetDateTimeOffset(),
                r.GetProperty("method").GetString()!, r.GetProperty("target").GetString()!, r.GetProperty("protocol").GetString()!,
                r.GetProperty("headers").EnumerateArray().Select(h => KeyValuePair.Create(h[0].GetString()!, h[1].GetString()!)).ToArray(),
                Convert.FromBase64String(r.GetProperty("body").GetString()!), r.GetProperty("bodyRedacted").GetBoolean(),
                new RecordedAnswer(
                    answer.TryGetProperty("status", out var status) ? status.GetInt32() : null,
                    answer.TryGetProperty("at", out var at) ? at.GetDateTimeOffset() : null,
                    answer.TryGetProperty("retryAfter", out var retry) ? retry.GetString() : null,
                    answer.TryGetProperty("dropped", out var dropped) && dropped.GetBoolean()));
        }).ToArray();
        return new ClientRecording(root.GetProperty("scenario").GetString()!, sandbox, root.GetProperty("seed").GetInt32(),
            root.GetProperty("retryAfterSeconds").GetInt32(), connections, requests);
    }

    /// <summary>The harness version a recording must come from: this one (the sandbox and the checks ship together).</summary>
    public static string ExpectedVersion => HarnessInfo.Current.Version;

    /// <summary>The signing secret from a recorded scenario's client.env, to check signatures against (never written anywhere).</summary>
    public static string? SigningSecretIn(string folder, string scenario)
    {
        var path = System.IO.Path.Combine(folder, scenario, EnvironmentFile);
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("CREWPASS_SIGNING_SECRET=", StringComparison.Ordinal));
        var secret = line?["CREWPASS_SIGNING_SECRET=".Length..];
        if (secret is not null) Redactor.Register([secret]);
        return secret;
    }
}
