using System.Net;
using CrewPass.Reference;

namespace CrewPass.Conformance.Tests;

/// <summary>A reference instance started in the test process, addressed by a suites run only through CREWPASS_* variables.</summary>
public sealed class Deployment : IAsyncDisposable
{
    private Deployment(ReferenceHost host, Dictionary<string, string> settings)
    {
        Host = host;
        Settings = settings;
    }

    public ReferenceHost Host { get; }

    /// <summary>The sandbox's own export lines, parsed: what a partner pastes into a shell.</summary>
    public Dictionary<string, string> Settings { get; }

    public static async Task<Deployment> StartAsync(params Fault[] faults) => await StartAsync(new ReferenceOptions { Faults = faults.ToHashSet() });

    public static async Task<Deployment> StartAsync(ReferenceOptions options)
    {
        var host = await ReferenceHost.StartAsync(options);
        var ca = Scratch.NewFile("ca.pem");
        await File.WriteAllTextAsync(ca, host.CaCertificatePem);
        var settings = host.ExportLines(ca).Select(line => line["export ".Length..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        // The test has this instance to itself, so its rate-limit partner may be exhausted.
        settings["CREWPASS_ALLOW_RATE_LIMIT_EXHAUSTION"] = "true";
        return new Deployment(host, settings);
    }

    /// <summary>These settings with some added or replaced.</summary>
    public Dictionary<string, string> With(params (string Name, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (name, value) in overrides) settings[name] = value;
        return settings;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
