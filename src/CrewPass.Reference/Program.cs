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
        // The reference is what its options say, whatever the process around it is given: no environment variable,
        // appsettings.json or argument of that process configures it. A developer's Kestrel__Endpoints__… bound every
        // instance to that one port too (a run's second instance then failed to start: 78 checks of a default run
        // failed).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        var clock = new OffsetClock(options.ClockOffset);
        var recorder = options.ClientCertification is { } client
            ? new ClientRecorder(client.Sink ?? LocalSink(client), clock, directory)
            : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Non-ASCII key bytes must reach the key check and get invalid_api_key, not a transport 400.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            // A front proxy's 8 KiB header buffer (nginx's default) answers 431 before the API sees the request.
            if (options.Makes(LegalChoice.HeaderLimit8K)) kestrel.Limits.MaxRequestHeadersTotalSize = 8192;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                // Before TLS: a client that refuses the certificate still shows that it connected.
                if (recorder is not null) listen.Use(recorder.Connections);
                listen.UseHttps(certificates.Server);
                // Connection: close is HTTP/1.1's; such a front end speaks nothing newer.
                if (options.Makes(LegalChoice.ClosedConnectionsWithLatency)) listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
            });
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<PartnerRateLimits>();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddSingleton<INonceStore>(options.ClientCertification?.Nonces ?? new ProcessNonces());

        var app = builder.Build();
        if (recorder is not null) app.Use(recorder.RecordAsync);
        app.UseNetworkTrouble();
        app.UseResponsePolicy();
        if (options.ClientCertification is { } played)
            app.UseClientScenario(played.Scenario, played.Seed, played.Memory ?? new ProcessMemory());
        app.UseRouting();
        app.UseKeyAuthentication();
        app.UseRateLimits();
        app.MapPartners();
        app.MapVessels();
        app.MapExtraReads();
        app.MapWriteOperations();
        // Explicit, so the pipeline is whole without a server too: a hosted session runs it behind the service's
        // endpoint.
        app.UseEndpoints(_ => { });
        return app;
    }

    /// <summary>The local sandbox's recording: a folder's recording.json, written empty at start.</summary>
    private static FileRecordingSink LocalSink(ClientCertification client)
    {
        var sink = new FileRecordingSink(client.RecordTo, client.Scenario, client.Seed);
        sink.Start();
        return sink;
    }

    public static Task<int> Main(string[] args) =>
        SandboxCommand.RunAsync(SandboxCommand.Configure(new System.CommandLine.RootCommand()), args, "dotnet run --project src/CrewPass.Reference --");

    /// <summary>
    /// The sandbox: one reference instance, the CA written where asked, and the exports that point a harness run at it.
    /// </summary>
    public static async Task<int> ServeAsync(ReferenceOptions options, string caCertificatePath, CancellationToken stopped)
    {
        await using var reference = await ReferenceHost.StartAsync(options);
        var caPath = Path.GetFullPath(caCertificatePath);
        await File.WriteAllTextAsync(caPath, reference.CaCertificatePem, stopped);
        Console.WriteLine($"CrewPass reference deployment listening on {reference.BaseUrl}");
        Console.WriteLine($"Write surface: {options.WriteSurface.ToString().ToLowerInvariant()}; faults: {(options.Faults.Count == 0 ? "none" : string.Join(",", options.Faults.Select(f => FaultCatalogue.Describe(f).Name)))}" +
            $"; legal choices: {(options.Choices.Count == 0 ? "the defaults" : string.Join(",", LegalChoices.All.Where(c => options.Makes(c.Choice)).Select(c => c.Name)))}");
        Console.WriteLine($"CA certificate written to {caPath}");
        for (var set = 0; set < reference.CredentialSets.Count; set++)
        {
            Console.WriteLine(reference.CredentialSets.Count == 1
                ? "Point the harness at it with:"
                : $"# partner set {set + 1} of {reference.CredentialSets.Count}: one per harness user, so runs never share a budget");
            foreach (var line in reference.ExportLines(caPath, set)) Console.WriteLine(line);
        }
        if (options.ExtraEndpoints > 0)
        {
            var schemas = Path.Combine(AppContext.BaseDirectory, "fixtures", "profiles");
            Console.WriteLine($"It serves {options.ExtraEndpoints} further reads; declare them with (schemas in {schemas}):");
            Console.WriteLine($"export CREWPASS_ENDPOINTS='{ExtraReadEndpoints.ProfileRows(options.ExtraEndpoints, schemas)}'");
        }
        Console.WriteLine("Exhausting a rate limit (RATE-05) is off by default; with a partner set to yourself: export CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION=true");
        await UntilStoppedAsync(stopped);
        return 0;
    }

    private static async Task UntilStoppedAsync(CancellationToken stopped)
    {
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stopped);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop serving, which is what was asked.
        }
    }

    /// <summary>
    /// For a client the harness cannot launch (a service behind a scheduler): one sandbox per scenario, each recording
    /// into
    /// DIR/&lt;scenario&gt;/, each with the environment to run the client with in DIR/&lt;scenario&gt;/client.env
    /// (readable by
    /// its owner only: it holds the sandbox's throwaway test key and secret). Judge with CREWPASS_CLIENT_RECORDING=DIR.
    /// </summary>
    public static async Task<int> CertifyClientAsync(string recordTo, CancellationToken stopped)
    {
        await using var sandbox = await ClientSandbox.StartAsync(recordTo, Random.Shared.Next(1, 1_000_000));
        Console.WriteLine($"CrewPass client-certification sandbox; extra-fields are generated from seed {sandbox.Seed}");
        foreach (var (scenario, host, folder) in sandbox.Scenarios)
            Console.WriteLine($"  {scenario.Name(),-22} {host.BaseUrl}  run your client with the environment in " +
                              Path.Combine(folder, "client.env"));
        Console.WriteLine($"Then judge the recordings: CREWPASS_CLIENT_RECORDING={sandbox.Root} " +
                          "dotnet test suites/CrewPass.Conformance.Suites --filter \"TestCategory~CLIENT-\"");
        await UntilStoppedAsync(stopped);
        return 0;
    }
}
