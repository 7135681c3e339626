namespace CrewPass.Reference;

/// <summary>
/// The client-certification sandbox: one reference instance per CLIENT scenario, each recording into
/// ROOT/&lt;scenario&gt;/ beside its CA certificate and the environment to run the client with (client.env, readable by
/// its owner only: it holds the sandbox's throwaway test key and secret).
/// </summary>
public sealed class ClientSandbox : IAsyncDisposable
{
    private readonly List<(ClientScenario Scenario, ReferenceHost Host, string Folder)> _scenarios = [];

    private ClientSandbox(string root, int seed) => (Root, Seed) = (root, seed);

    public string Root { get; }

    public int Seed { get; }

    public IReadOnlyList<(ClientScenario Scenario, ReferenceHost Host, string Folder)> Scenarios => _scenarios;

    public static async Task<ClientSandbox> StartAsync(string root, int seed)
    {
        var sandbox = new ClientSandbox(Path.GetFullPath(root), seed);
        try
        {
            foreach (var scenario in ClientScenarios.All) await sandbox.AddAsync(scenario);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    private async Task AddAsync(ClientScenario scenario)
    {
        var folder = Path.Combine(Root, scenario.Name());
        var host = await ReferenceHost.StartAsync(ReferenceOptions.ForClient(scenario, folder, Seed));
        _scenarios.Add((scenario, host, folder));
        Directory.CreateDirectory(folder);
        var ca = Path.Combine(folder, "ca.pem");
        await File.WriteAllTextAsync(ca, host.CaCertificatePem);
        var environment = Path.Combine(folder, "client.env");
        await File.WriteAllLinesAsync(environment, host.ClientEnvironment(ca).Select(e => $"{e.Key}={e.Value}"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(environment,
            UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Stops every instance; stopping waits for requests in flight, so the recordings are whole.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, host, _) in _scenarios) await host.DisposeAsync();
        _scenarios.Clear();
    }
}
