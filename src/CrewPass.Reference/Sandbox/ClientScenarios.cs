using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;

namespace CrewPass.Reference;

public static class ClientScenarios
{
    /// <summary>How long the 429 of rate-limited and rate-limited-date asks the client to wait: short, so runs stay quick.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<ClientScenario> All { get; } = Enum.GetValues<ClientScenario>();

    /// <summary>CONTRACT.md's name: plain, extra-fields, rate-limited, …</summary>
    public static string Name(this ClientScenario scenario) =>
        string.Concat(scenario.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse(string name, out ClientScenario scenario)
    {
        scenario = All.FirstOrDefault(s => s.Name() == name);
        return All.Any(s => s.Name() == name);
    }

    /// <summary>
    /// The scenario's play, in front of the API: each is what a real deployment does to a client now and then. The
    /// plain scenario plays nothing: the sandbox serves the client exactly as the reference serves anyone.
    /// </summary>
    public static IApplicationBuilder UseClientScenario(this IApplicationBuilder app, ClientScenario scenario, int seed,
        IScenarioMemory memory) => scenario switch
        {
            ClientScenario.ExtraFields => app.Use(ExtraFields(seed)),
            ClientScenario.RateLimited => app.Use(FirstRequestThrottled(memory,
                _ => ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            // An HTTP-date has whole seconds: name the first whole second at least RetryAfter away.
            ClientScenario.RateLimitedDate => app.Use(FirstRequestThrottled(memory, now =>
                DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling((now + RetryAfter).ToUnixTimeMilliseconds() / 1000.0)).ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            ClientScenario.RefusedKey => app.Use(async (HttpContext context, RequestDelegate _) =>
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CrewPass Partner API\", error=\"invalid_token\"";
                await ApiErrors.Error(context, StatusCodes.Status401Unauthorized, "invalid_api_key", "The API key is missing or invalid.").ExecuteAsync(context);
            }),
            ClientScenario.WriteDropped => app.Use(FirstWriteDropped(memory)),
            // Plain serves as the API does; untrusted-certificate is played by the certificate the host presents.
            _ => app,
        };

    private static Func<HttpContext, RequestDelegate, Task> FirstRequestThrottled(IScenarioMemory memory,
        Func<DateTimeOffset, string> retryAfter)
    {
        return async (context, next) =>
        {
            if (!memory.FirstTime("first-request"))
            {
                await next(context);
                return;
            }
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Response.Headers.RetryAfter = retryAfter(now);
            await ApiErrors.Error(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; retry after the time Retry-After names.").ExecuteAsync(context);
        };
    }

    /// <summary>The first write's connection is closed once its request has arrived, before any answer: the client cannot know whether it took effect.</summary>
    private static Func<HttpContext, RequestDelegate, Task> FirstWriteDropped(IScenarioMemory memory)
    {
        return async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || !memory.FirstTime("first-write"))
            {
                await next(context);
                return;
            }
            await context.Request.Body.CopyToAsync(Stream.Null);
            ClientRecorder.MarkDropped(context);
            context.Abort();
        };
    }

    /// <summary>
    /// A tolerant reader's test: every JSON object of an answer gains fields the client has never seen (made by Bogus from
    /// the printed seed), its keys come in another order, the body is pretty-printed with a charset parameter, and
    /// gzip-compressed when the client asks for it.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> ExtraFields(int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var gate = new Lock();
        return async (context, next) =>
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            var bytes = buffer.ToArray();
            if (context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && JsonNode.Parse(bytes) is { } json)
            {
                lock (gate) json = Enrich(json, faker);
                bytes = Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                context.Response.ContentType = "application/json; charset=utf-8";
            }
            if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                using var zipped = new MemoryStream();
                using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
                bytes = zipped.ToArray();
                context.Response.Headers.ContentEncoding = "gzip";
            }
            context.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes);
        };
    }

    private static JsonNode Enrich(JsonNode node, Faker faker)
    {
        switch (node)
        {
            case JsonObject obj:
                var fields = obj.Select(p => (p.Key, Value: p.Value is null ? null : Enrich(p.Value.DeepClone(), faker))).Reverse().ToList();
                for (var i = 0; i < 2; i++) fields.Insert(faker.Random.Int(0, fields.Count), (faker.Database.Column() + "_" + faker.Random.AlphaNumeric(4), NewValue(faker, depth: 0)));
                var enriched = new JsonObject();
                foreach (var (name, value) in fields) enriched[name] = value;
                return enriched;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Enrich(item.DeepClone(), faker)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode? NewValue(Faker faker, int depth) => faker.Random.Int(0, depth > 0 ? 3 : 5) switch
    {
        0 => JsonValue.Create(faker.Lorem.Word()),
        1 => JsonValue.Create(faker.Random.Int(-1000, 100000)),
        2 => JsonValue.Create(faker.Random.Bool()),
        3 => null,
        4 => new JsonObject { [faker.Database.Column()] = NewValue(faker, depth + 1), ["since"] = faker.Date.Past().ToString("O") },
        _ => new JsonArray(NewValue(faker, depth + 1), NewValue(faker, depth + 1)),
    };
}
