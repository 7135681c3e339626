using System.Net;
using System.Text;
using CrewPass.Reference;

/// <summary>Composes the reference deployment; Main runs it on its own as a local sandbox.</summary>
public static partial class Program
{
    public static WebApplication Compose(ReferenceOptions options, Certificates certificates, PartnerDirectory directory)
    {
        // No config file watching: a run may start a hundred instances, and each watcher costs an inotify instance.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Non-ASCII key bytes must reach the key check and get invalid_api_key, not a transport 400.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            // A front proxy's 8 KiB header buffer (nginx's default) answers 431 before the API sees the request.
            if (options.Makes(LegalChoice.HeaderLimit8K)) kestrel.Limits.MaxRequestHeadersTotalSize = 8192;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.UseHttps(certificates.Server);
                // Connection: close is HTTP/1.1's; such a front end speaks nothing newer.
                if (options.Makes(LegalChoice.ClosedConnectionsWithLatency)) listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
            });
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton<TimeProvider>(new OffsetClock(options.ClockOffset));
        builder.Services.AddSingleton<PartnerRateLimits>();
        builder.Services.AddSingleton<SignatureVerifier>();

        var app = builder.Build();
        app.UseNetworkTrouble();
        app.UseResponsePolicy();
        app.UseRouting();
        app.UseKeyAuthentication();
        app.UseRateLimits();
        app.MapPartners();
        app.MapVessels();
        app.MapExtraReads();
        app.MapWriteOperations();
        return app;
    }

    public static async Task<int> Main(string[] args)
    {
        if (!SandboxArguments.TryParse(args, out var sandbox, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(SandboxArguments.Usage);
            return 2;
        }
        await using var reference = await ReferenceHost.StartAsync(sandbox.Options);
        var caPath = Path.GetFullPath(sandbox.CaCertificatePath);
        await File.WriteAllTextAsync(caPath, reference.CaCertificatePem);
        Console.WriteLine($"CrewPass reference deployment listening on {reference.BaseUrl}");
        Console.WriteLine($"Write surface: {sandbox.Options.WriteSurface.ToString().ToLowerInvariant()}; faults: {(sandbox.Options.Faults.Count == 0 ? "none" : string.Join(",", sandbox.Options.Faults.Select(f => FaultCatalogue.Describe(f).Name)))}" +
            $"; legal choices: {(sandbox.Options.Choices.Count == 0 ? "the defaults" : string.Join(",", LegalChoices.All.Where(c => sandbox.Options.Makes(c.Choice)).Select(c => c.Name)))}");
        Console.WriteLine($"CA certificate written to {caPath}");
        for (var set = 0; set < reference.CredentialSets.Count; set++)
        {
            Console.WriteLine(reference.CredentialSets.Count == 1
                ? "Point the harness at it with:"
                : $"# partner set {set + 1} of {reference.CredentialSets.Count}: one per harness user, so runs never share a budget");
            foreach (var line in reference.ExportLines(caPath, set)) Console.WriteLine(line);
        }
        Console.WriteLine("Exhausting a rate limit (RATE-05) is off by default; with a partner set to yourself: export CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION=true");
        Console.WriteLine("Press Ctrl+C to stop.");
        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
        await stopped.Task;
        return 0;
    }
}
