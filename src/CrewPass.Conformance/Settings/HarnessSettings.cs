using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrewPass.Conformance.Settings;

/// <summary>
/// The resolved settings of a run. Precedence: CREWPASS_* environment, then runsettings TestRunParameters,
/// then the profile file, then the default. Unknown names in any source are refused with a suggestion.
/// </summary>
public sealed class HarnessSettings
{
    private readonly Dictionary<string, (string Value, SettingSource Source)> _values;

    private HarnessSettings(Dictionary<string, (string, SettingSource)> values) => _values = values;

    public static HarnessSettings Load(IReadOnlyDictionary<string, string> runSettings, IReadOnlyDictionary<string, string> environment)
    {
        var values = new Dictionary<string, (string, SettingSource)>(StringComparer.Ordinal);
        foreach (var (name, value) in runSettings)
        {
            var definition = SettingDefinitions.Find(name) ?? throw Unknown(name, "runsettings TestRunParameters", d => d.Name);
            values[definition.Name] = (value, SettingSource.RunSettings);
        }
        foreach (var (name, value) in environment.Where(e => e.Key.StartsWith("CREWPASS_", StringComparison.Ordinal)))
        {
            var definition = SettingDefinitions.FindByEnvironmentName(name) ?? throw Unknown(name, "the environment", d => d.EnvironmentName);
            values[definition.Name] = (value, SettingSource.Environment);
        }
        if (values.TryGetValue("Profile", out var profile) && profile.Item1.Length > 0)
        {
            foreach (var (name, value) in ReadProfile(profile.Item1))
                values.TryAdd(name, (value, SettingSource.Profile));
        }
        foreach (var definition in SettingDefinitions.All.Where(d => d.Default is not null))
            values.TryAdd(definition.Name, (definition.Default!, SettingSource.Default));
        var settings = new HarnessSettings(values);
        settings.Validate();
        return settings;
    }

    public string? this[string name] => Get(name);

    public string? Get(string name)
    {
        if (SettingDefinitions.Find(name) is null) throw new ArgumentException($"'{name}' is not a harness setting", nameof(name));
        return _values.TryGetValue(name, out var v) && v.Value.Length > 0 ? v.Value : null;
    }

    public SettingSource SourceOf(string name) => _values.TryGetValue(name, out var v) ? v.Source : SettingSource.Default;

    public string BaseUrl => Get("BaseUrl")!;

    // The credentials and run settings by name: each property is its setting, so no caller spells a setting's name.
    public string? LiveKey => Get(nameof(LiveKey));
    public string? TestKey => Get(nameof(TestKey));
    public string? OtherPartnerKey => Get(nameof(OtherPartnerKey));
    public string? RateLimitKey => Get(nameof(RateLimitKey));
    public string? SigningSecret => Get(nameof(SigningSecret));
    public string? CaCertificate => Get(nameof(CaCertificate));
    public string? Chromium => Get(nameof(Chromium));
    public string? ClientCommand => Get(nameof(ClientCommand));
    public string? ClientRecording => Get(nameof(ClientRecording));
    public string? ClientName => Get(nameof(ClientName));
    public TimeSpan ClientTimeout => TimeSpan.FromSeconds(Int(nameof(ClientTimeout)));
    public bool Certify => Bool(nameof(Certify));
    public int MaxInFlight => Int(nameof(MaxInFlight));
    public int? FuzzSeed => Get(nameof(FuzzSeed)) is { } seed && int.TryParse(seed, out var pinned) ? pinned : null;
    public string? KnownDeviationsFile => Get("KnownDeviations");
    public string? ReportDirectory => Get(nameof(ReportDirectory));
    public string? SigningVectors => Get(nameof(SigningVectors));
    public string? ClientFaults => Get(nameof(ClientFaults));
    public bool HasEndpointRows => Get(nameof(Endpoints)) is not null;
    public string? EmbeddedFaults => Get(nameof(EmbeddedFaults));
    public string? EmbeddedTrouble => Get(nameof(EmbeddedTrouble));
    public string? EmbeddedVariations => Get(nameof(EmbeddedVariations));
    public int EmbeddedClockOffset => int.Parse(Get(nameof(EmbeddedClockOffset)) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    public int EmbeddedExtraEndpoints => Int(nameof(EmbeddedExtraEndpoints));
    public WriteSurface WriteSurface => Enum.Parse<WriteSurface>(Get(nameof(WriteSurface))!, ignoreCase: true);
    /// <summary>EmbeddedFaultsOn=added: each embedded fault sits on the first added read alone.</summary>
    public bool FaultsOnAddedEndpoint => string.Equals(Get("EmbeddedFaultsOn"), "added", StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => string.Equals(BaseUrl, "embedded", StringComparison.OrdinalIgnoreCase);
    public int InvalidKeyStatus => Int("InvalidKeyStatus");
    public int InsufficientScopeStatus => Int("InsufficientScopeStatus");
    public string ErrorCodePointer => Get("ErrorCodePointer")!;
    public int LongKeyBytes => Int("LongKeyBytes");
    public bool FailOnShould => Get("FailOn")!.Equals("should", StringComparison.OrdinalIgnoreCase);
    public bool Strict => Bool("Strict");
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(Int("RequestTimeout"));
    public bool WriteSurfaceEnabled => WriteSurface == WriteSurface.Enabled;

    public RateLimits.RateLimitConvention RateLimitHeaders => RateLimits.RateLimitReader.ParseConvention(Get("RateLimitHeaders")!);
    public int MaxExhaustionRequests => Int("MaxExhaustionRequests");
    public TimeSpan MaxRecoveryWait => TimeSpan.FromSeconds(Int("MaxRecoveryWait"));
    public bool AllowRateLimitExhaustion => Bool("AllowRateLimitExhaustion");
    public bool AllowLiveExhaustion => Bool("AllowLiveExhaustion");

    public IReadOnlySet<string> SignatureErrorCodes =>
        Get("SignatureErrorCodes")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public int SignatureErrorStatus => Int("SignatureErrorStatus");
    public TimeSpan SkewMargin => TimeSpan.FromSeconds(Int("SkewMargin"));

    /// <summary>The write operation the signing probes use, and vessel-attach, whose effect the vessel list shows.</summary>
    public WriteOperation SigningOperation => WriteOperation(Get("SigningOperation")!, "SigningOperation");

    public WriteOperation WriteOperation(string name, string setting = "WriteOperations") =>
        WriteOperations.FirstOrDefault(o => o.Name == name)
        ?? throw Invalid(setting, $"no write operation is named '{name}' (WriteOperations: {string.Join(", ", WriteOperations.Select(o => o.Name))})");

    /// <summary>The error body's schema: the profile's ErrorSchema, else the bundled error.schema.json.</summary>
    public string ErrorSchema => Get("ErrorSchema") ?? Schemas.SchemaCatalogue.Error;

    /// <summary>
    /// The catalogue, refined by the profile's rows: a new path is added; a catalogued path keeps its scope, shape and
    /// schema, and a row for it may only add a schema its bodies must match too. A row never removes a requirement.
    /// </summary>
    public IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            var rows = Get("Endpoints") is { } json ? ParseList<Endpoint>("Endpoints", json) : [];
            var relativeTo = SourceOf("Endpoints") == SettingSource.Profile ? Path.GetDirectoryName(Path.GetFullPath(Get("Profile")!))! : Directory.GetCurrentDirectory();
            rows = rows.Select(r => r with { Schema = Path.GetFullPath(r.Schema, relativeTo), Schemas = [Path.GetFullPath(r.Schema, relativeTo)] }).ToArray();
            var endpoints = ContractDefaults.Endpoints.ToList();
            foreach (var row in rows)
            {
                var index = endpoints.FindIndex(e => e.Path == row.Path && e.Method == row.Method);
                if (index < 0)
                {
                    endpoints.Add(row);
                    continue;
                }
                var catalogued = endpoints[index];
                if (row.Scope != catalogued.Scope || row.Shape != catalogued.Shape)
                    throw Invalid("Endpoints", $"the row for {catalogued} says scope {row.Scope ?? "none"} and shape {row.Shape}, but the catalogue requires scope " +
                                               $"{catalogued.Scope ?? "none"} and shape {catalogued.Shape}: a profile refines the catalogue and never drops a requirement (ME-03 checks that scope)");
                endpoints[index] = catalogued with { Schemas = [.. catalogued.Schemas, row.Schema] };
            }
            return endpoints;
        }
    }

    public IReadOnlyList<WriteOperation> WriteOperations =>
        Get("WriteOperations") is { } json ? ParseList<WriteOperation>("WriteOperations", json) : ContractDefaults.WriteOperations;

    /// <summary>The profile file's SHA-256 (lowercase hex), so a report and a certificate name exactly what they were earned under.</summary>
    public string? ProfileSha256 =>
        Get("Profile") is { } path && File.Exists(path) ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) : null;

    /// <summary>Every setting that is not a secret and differs from its default, with its value and where it came from.</summary>
    public IReadOnlyDictionary<string, string> Changed =>
        SettingDefinitions.All.Where(d => d.Kind != SettingKind.Secret && Get(d.Name) is { } value && value != d.Default)
            .ToDictionary(d => d.Name, d => $"{Get(d.Name)} ({SourceOf(d.Name).ToString().ToLowerInvariant()})");

    /// <summary>Every key and secret the run knows, for redaction.</summary>
    public IEnumerable<string> Secrets =>
        SettingDefinitions.All.Where(d => d.Kind == SettingKind.Secret).Select(d => Get(d.Name)).OfType<string>();

    /// <summary>A copy with some values replaced, as the embedded target fills in its own URL and keys.</summary>
    public HarnessSettings With(IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, (string, SettingSource)>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
            values[SettingDefinitions.Find(name)?.Name ?? throw new ArgumentException($"'{name}' is not a harness setting")] = (value, SettingSource.RunSettings);
        var settings = new HarnessSettings(values);
        settings.Validate();
        return settings;
    }

    /// <summary>A copy that reads its profile settings from another profile file (an embedded variation's own profile).</summary>
    public HarnessSettings WithProfile(string path)
    {
        var values = new Dictionary<string, (string, SettingSource)>(_values.Where(v => v.Value.Source is SettingSource.Environment or SettingSource.RunSettings)
            .Where(v => v.Key != "Profile"), StringComparer.Ordinal)
        { ["Profile"] = (path, SettingSource.RunSettings) };
        foreach (var (name, value) in ReadProfile(path)) values.TryAdd(name, (value, SettingSource.Profile));
        foreach (var definition in SettingDefinitions.All.Where(d => d.Default is not null)) values.TryAdd(definition.Name, (definition.Default!, SettingSource.Default));
        var settings = new HarnessSettings(values);
        settings.Validate();
        return settings;
    }

    public int Int(string name) =>
        int.TryParse(Get(name), out var value) && value >= 0
            ? value
            : throw Invalid(name, $"'{Get(name)}' is not a whole number");

    public bool Bool(string name) =>
        bool.TryParse(Get(name), out var value) ? value : throw Invalid(name, $"'{Get(name)}' is not true or false");

    private void Validate()
    {
        foreach (var definition in SettingDefinitions.All)
        {
            if (definition.Bound is { } bound) Bounded(definition.Name, bound);
            if (definition.OneOf is { } allowed) OneOf(definition.Name, allowed);
        }
        foreach (var name in new[] { "AllowRateLimitExhaustion", "AllowLiveExhaustion", "Strict", "Certify" })
            _ = Bool(name);
        if (Get("ClientCommand") is not null && Get("ClientRecording") is not null)
            throw Invalid("ClientRecording", "ClientCommand and ClientRecording are both set: the client is either run (ClientCommand) or judged from a recording (ClientRecording), not both");
        if (FaultsOnAddedEndpoint && Int("EmbeddedExtraEndpoints") < 1)
            throw Invalid("EmbeddedFaultsOn", "EmbeddedFaultsOn=added puts each fault on the first added read: set EmbeddedExtraEndpoints to 1 or more");
        if (!ErrorCodePointer.StartsWith('/')) throw Invalid("ErrorCodePointer", $"'{ErrorCodePointer}' is not a JSON pointer (it starts with /)");
        if (!IsEmbedded && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) | uri is { Scheme: not ("http" or "https") })
            throw Invalid("BaseUrl", $"'{BaseUrl}' is neither `embedded` nor an absolute http(s) URL");
        LoadsAsSchema("ErrorSchema", ErrorSchema);
        // A schema that takes anything would pass every error body: KEY-02 and HTTP-01 would judge nothing.
        if (Schemas.SchemaCatalogue.Bundled.Violations(ErrorSchema, "{}").Count == 0)
            throw Invalid("ErrorSchema", $"'{ErrorSchema}' accepts the empty object {{}}: an error schema must require the error's code at least");
        if (ContractDefaults.WriteOperations.Select(o => o.Name).Except(WriteOperations.Select(o => o.Name)).ToArray() is { Length: > 0 } missing)
            throw Invalid("WriteOperations", $"the documented operations {string.Join(", ", missing)} are missing: a profile may give their paths and bodies and add operations, never drop one (WRITE-01 checks each)");
        foreach (var schema in Endpoints.SelectMany(e => e.Schemas).Distinct()) LoadsAsSchema("Endpoints", schema);
        _ = SigningOperation;
        if (!int.TryParse(Get("EmbeddedClockOffset"), out _)) throw Invalid("EmbeddedClockOffset", $"'{Get("EmbeddedClockOffset")}' is not a whole number of seconds");
    }

    /// <summary>A schema setting names a file NJsonSchema can load, or the run stops here with one message naming it.</summary>
    private void LoadsAsSchema(string name, string schema)
    {
        try
        {
            _ = Schemas.SchemaCatalogue.Bundled.Load(schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var problem = File.Exists(Path.Combine(Schemas.SchemaCatalogue.Bundled.Directory, schema))
                ? $"'{schema}' is not a JSON schema: {e.Message.Split('\n')[0]}"
                : $"the schema file '{schema}' does not exist";
            throw Invalid(name, problem);
        }
    }

    private void Bounded(string name, Bound bound)
    {
        var value = Int(name);
        if (!bound.Allows(value)) throw Invalid(name, $"{value} is outside what it may take ({bound})");
    }

    private void OneOf(string name, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(Get(name)!, StringComparer.OrdinalIgnoreCase))
            throw Invalid(name, $"'{Get(name)}' is not one of {string.Join(", ", allowed)}");
    }

    private HarnessConfigurationException Invalid(string name, string problem)
    {
        var definition = SettingDefinitions.Find(name)!;
        var where = SourceOf(name) switch
        {
            SettingSource.Environment => $"environment variable {definition.EnvironmentName} (setting {name})",
            SettingSource.Profile => $"profile setting {name} ({Get("Profile")})",
            SettingSource.RunSettings => $"runsettings parameter {name}",
            _ => $"setting {name}",
        };
        return new HarnessConfigurationException(name, $"{where}: {problem}. {definition.Description}");
    }

    private static HarnessConfigurationException Unknown(string name, string where, Func<SettingDefinition, string> nameOf)
    {
        var suggestion = SettingDefinitions.Suggest(name, nameOf);
        return new HarnessConfigurationException(name,
            $"unknown setting '{name}' in {where}" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") +
            " docs/settings.md lists every setting.");
    }

    private static IEnumerable<(string Name, string Value)> ReadProfile(string path)
    {
        JsonObject profile;
        try
        {
            profile = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                      ?? throw new HarnessConfigurationException("Profile", $"profile {path}: the file must hold one JSON object of settings");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessConfigurationException("Profile", $"profile {path} (CREWPASS_PROFILE): cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new HarnessConfigurationException("Profile", $"profile {path} (CREWPASS_PROFILE) is not valid JSON: {e.Message}");
        }
        foreach (var (name, node) in profile)
        {
            if (name == "$schema") continue;
            var definition = SettingDefinitions.Find(name)
                             ?? throw new HarnessConfigurationException(name, $"profile {path}: unknown setting '{name}'" +
                                 (SettingDefinitions.Suggest(name, d => d.Name) is { } s ? $"; did you mean '{s}'?" : ""));
            if (definition.Kind == SettingKind.Secret)
                throw new HarnessConfigurationException(name, $"profile {path}: {name} is a key or secret; keys belong in the environment ({definition.EnvironmentName}), never in a file");
            if (definition.Kind != SettingKind.Profile)
                throw new HarnessConfigurationException(name, $"profile {path}: {name} is not a profile setting; set it in runsettings or {definition.EnvironmentName}");
            var text = node is JsonValue value ? value.ToString() : node?.ToJsonString() ?? "";
            // A file a profile names lives beside the profile, wherever the run is started from.
            if (definition.IsPath && text.Length > 0) text = Path.GetFullPath(text, Path.GetDirectoryName(Path.GetFullPath(path))!);
            yield return (name, text);
        }
    }

    private static IReadOnlyList<T> ParseList<T>(string name, string json)
    {
        try
        {
            var items = JsonSerializer.Deserialize<T[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                RespectRequiredConstructorParameters = true,
                Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
            });
            return items ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new HarnessConfigurationException(name, $"setting {name}: not a JSON array of {typeof(T).Name} rows: {e.Message}");
        }
    }
}
