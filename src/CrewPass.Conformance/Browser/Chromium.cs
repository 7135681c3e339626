using Microsoft.Playwright;

namespace CrewPass.Conformance.Browser;

/// <summary>
/// Real Chromium for the checks only a browser can make (WEB-01) and for rendering reports. Playwright drives an
/// installed browser: the one named by Chromium (CREWPASS_CHROMIUM), else the first on PATH of the names CI runners and
/// desktops use, else Playwright's own installed browsers.
/// </summary>
public static class Chromium
{
    /// <summary>
    /// Debian and Ubuntu name it chromium or chromium-browser; GitHub's Ubuntu runners carry google-chrome. Chromium's
    /// headless shell comes first: it is what Playwright itself runs headless (the same Blink and network stack, so the
    /// same CORS), without the full browser's layers, so a run costs less CPU (bench/figures.md).
    /// </summary>
    public static readonly string[] Names = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"];

    /// <summary>The executables Playwright's own browser downloads hold, the headless shell first.</summary>
    private static readonly string[] CachedNames = ["chrome-headless-shell", "headless_shell", "chrome"];

    /// <summary>The names looked for on PATH, in order, as the hint and the setting's description show them.</summary>
    public static readonly string NamesInOrder = string.Join(", ", Names);

    public static readonly string InstallHint =
        "install one: Debian `apt-get update && apt-get install chromium`, or Playwright's own `pwsh bin/<configuration>/net10.0/playwright.ps1 install --with-deps chromium` " +
        $"where downloads are allowed; or set CREWPASS_CHROMIUM to a Chromium, Chrome or Edge executable (looked for on PATH: {NamesInOrder})";

    public static string? Find(string? configured) => Find(configured, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Find(string?)"/>, looking on the given PATH.</summary>
    public static string? Find(string? configured, string? searchPath)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var path = (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (Names.SelectMany(name => path.Select(directory => Path.Combine(directory, name))).FirstOrDefault(File.Exists) is { } onPath) return onPath;
        var cache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        return Directory.Exists(cache)
            ? CachedNames.Select(name => Directory.EnumerateFiles(cache, name, SearchOption.AllDirectories).OrderDescending().FirstOrDefault()).FirstOrDefault(f => f is not null)
            : null;
    }

    private const string LoopbackOnly = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";

    /// <summary>
    /// Where a host that runs many runs in one process (the harness's warm runner) offers them one Playwright driver to
    /// share, and one browser for each set of flags (the same executable, the same hosts, the same trusted keys): a
    /// <c>ConcurrentDictionary&lt;string, object&gt;</c> under this name in the process's AppDomain data. Without it, as
    /// under dotnet test, each launch has a browser and a driver of its own, gone with it. Both are dear to start (the
    /// driver is a Node process); each use of a shared browser has contexts of its own.
    /// </summary>
    public const string SharedSlot = "CrewPass.Conformance.Browser.Shared";

    /// <summary>Starts headless Chromium that resolves no host but loopback, with a throw-away profile.</summary>
    public static Task<LaunchedChromium> LaunchAsync(string executable) => LaunchAsync(executable, LoopbackOnly);

    /// <summary>Starts headless Chromium with the given host-resolver rules (which hosts it may reach) and extra arguments.</summary>
    public static async Task<LaunchedChromium> LaunchAsync(string executable, string resolverRules, params string[] extraArguments)
    {
        if (SharedDriver() is not { } shared) return await LaunchAsync(null, executable, resolverRules, extraArguments);
        // The flags decide what the browser may reach and trust: only a launch with the very same flags shares it.
        var key = string.Join('\n', ["browser", executable, resolverRules, .. extraArguments]);
        // Another Playwright's browser under the key (its type differs): this launch has its own.
        if (shared.Slot.GetOrAdd(key, _ => new Lazy<Task<IBrowser>>(async () =>
                (await LaunchAsync(await shared.Driver.Value, executable, resolverRules, extraArguments)).Browser)) is not Lazy<Task<IBrowser>> browser)
            return await LaunchAsync(null, executable, resolverRules, extraArguments);
        try
        {
            if ((await browser.Value).IsConnected) return new LaunchedChromium(await browser.Value, null, shared: true);
            shared.Slot.TryRemove(new KeyValuePair<string, object>(key, browser));
        }
        catch (PlaywrightException)
        {
            // A driver that died would fail every later run: the next launch starts a new one, and this one tries on a
            // driver of its own, so a browser that cannot start says why in its own words. The old driver is not
            // disposed (other runs' browsers may be on it); if alive, it ends with the process.
            shared.Slot.TryRemove(new KeyValuePair<string, object>(key, browser));
            shared.Slot.TryRemove(new KeyValuePair<string, object>(shared.Key, shared.Driver));
        }
        // A shared browser gone (it crashed, or its driver did): this launch has its own, the next shares a new one.
        return await LaunchAsync(null, executable, resolverRules, extraArguments);
    }

    /// <summary>Launches on the given driver, or on one of its own when none is given.</summary>
    private static async Task<LaunchedChromium> LaunchAsync(IPlaywright? driver, string executable, string resolverRules, string[] extraArguments)
    {
        // Chromium keeps its config (its crash database) under XDG_CONFIG_HOME: a folder of its own keeps runs from
        // sharing or leaving state, given to the browser alone (not to the clients a run starts) and removed with it.
        var config = Directory.CreateTempSubdirectory("crewpass-chromium-").FullName;
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["XDG_CONFIG_HOME"] = config;
        var playwright = driver ?? await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Env = environment,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", resolverRules,
                    .. extraArguments,
                ],
            });
            browser.Disconnected += (_, _) => Remove(config);
            return new LaunchedChromium(browser, driver is null ? playwright : null);
        }
        catch
        {
            if (driver is null) playwright.Dispose();
            Remove(config);
            throw;
        }
    }

    private sealed record Shared(System.Collections.Concurrent.ConcurrentDictionary<string, object> Slot, string Key, Lazy<Task<IPlaywright>> Driver);

    /// <summary>The host's shared driver, or null: no host offers one, or this run's Playwright is not the host's (its type differs).</summary>
    private static Shared? SharedDriver()
    {
        if (AppDomain.CurrentDomain.GetData(SharedSlot) is not System.Collections.Concurrent.ConcurrentDictionary<string, object> slot) return null;
        var key = typeof(IPlaywright).AssemblyQualifiedName!;
        return slot.GetOrAdd(key, _ => new Lazy<Task<IPlaywright>>(Playwright.CreateAsync)) is Lazy<Task<IPlaywright>> driver ? new Shared(slot, key, driver) : null;
    }

    private static void Remove(string folder)
    {
        // Best effort: a browser's helper still exiting may hold a file; a leftover folder is no failure of the run.
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
