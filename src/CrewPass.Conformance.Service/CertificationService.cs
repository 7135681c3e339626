using CrewPass.Conformance.Certification;
using CrewPass.Conformance.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrewPass.Conformance.Service;

/// <summary>
/// The certification service's web app: the issuer's keys, the public registry (a page and its JSON), and the page an
/// invitation link opens. Server-rendered; every text from a partner or a store is encoded by the templates.
/// </summary>
public static class CertificationService
{
    public static async Task<WebApplication> StartAsync(ServiceOptions options)
    {
        var store = CertificationStore.Open(options.Data, options.Database);
        // One Chromium for every certificate's PDF, a context each: a launch per judgement cost seconds of it.
        if (AppDomain.CurrentDomain.GetData(Conformance.Browser.Chromium.SharedSlot) is null)
            AppDomain.CurrentDomain.SetData(Conformance.Browser.Chromium.SharedSlot,
                new System.Collections.Concurrent.ConcurrentDictionary<string, object>());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The key ring is kept in the database unencrypted, by design (docs/service.md): no warning at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Services.AddAntiforgery();
        // The keys that seal the partner cookie and the forms' tokens live in the database: a restart keeps them, and
        // every instance behind one load balancer opens what another sealed.
        builder.Services.AddDataProtection().SetApplicationName("crewpass-certification");
        builder.Services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new StoredProtectionKeys(store));
        var app = builder.Build();
        app.UseAntiforgery();
        var sandbox = await HostedSandbox.StartAsync(store, options);
        var issuer = new Issuer(KeyOf(options), () => PublicUrl(app, options), store);
        app.Lifetime.ApplicationStopped.Register(() => sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult());
        app.MapGet("/.well-known/jwks.json", () => Results.Text(issuer.Key.Jwks(), "application/json"));
        app.MapGet("/live.js", () => Results.Text(Resource("Static.live.js"), "text/javascript"));
        app.MapGet("/api/certificates/{id}", (string id) => store.Find(id) is { } found ? Results.Json(Entry(found))
            : Results.NotFound());
        app.MapGet("/certificates", () => Page("registry", new
        {
            issuer = PublicUrl(app, options).ToString(),
            any = store.All().Count > 0,
            certificates = store.All().Select(Entry),
        }));
        SessionEndpoints.Map(app, store, sandbox, issuer);
        await app.StartAsync();
        return app;
    }

    /// <summary>The issuer key: the file the options name, else the data folder's own (made at first start).</summary>
    public static IssuerKey KeyOf(ServiceOptions options) =>
        options.Key is { } path ? IssuerKey.Load(path, options.KeyPassword) : IssuerKey.LoadOrCreate(options.Data);

    /// <summary>Where partners and verifiers reach the service: its public URL, else where it listens.</summary>
    public static Uri PublicUrl(WebApplication app, ServiceOptions options) => options.PublicUrl
        ?? new Uri(app.Urls.First() + "/");

    private static object Entry(RegisteredCertificate certificate) => new
    {
        id = certificate.Claims.Id,
        partner = certificate.Claims.Partner,
        client = certificate.Claims.Client,
        issued = certificate.Claims.IssuedAt.ToString("yyyy-MM-dd"),
        expires = certificate.Claims.ExpiresAt.ToString("yyyy-MM-dd"),
        status = certificate.StatusAt(DateTimeOffset.UtcNow).ToString().ToLowerInvariant(),
        why = certificate.RevokedWhy,
    };

    private static string Resource(string name)
    {
        using var stream = typeof(CertificationService).Assembly.GetManifestResourceStream(
            $"CrewPass.Conformance.Service.{name}")!;
        return new StreamReader(stream).ReadToEnd();
    }

    public static IResult Page(string template, object model) => Results.Content(
        HtmlTemplate.Render(typeof(CertificationService).Assembly,
            $"CrewPass.Conformance.Service.Templates.{template}.html.hbs", model),
        "text/html; charset=utf-8");
}
