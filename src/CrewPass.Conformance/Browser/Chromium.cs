using Microsoft.Playwright;

namespace CrewPass.Conformance.Browser;

/// <summary>
/// Real Chromium for the checks only a browser can make (WEB-01) and for rendering reports. Playwright cannot download
/// browsers here, so it drives an installed one: Chromium (CREWPASS_CHROMIUM), then /usr/bin/chromium, then
/// Playwright's own installed browsers.
/// </summary>
public static class Chromium
{
    public const string InstallHint = "install Chromium (Debian: apt-get install chromium) or set CREWPASS_CHROMIUM to a Chromium or Chrome executable";

    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        var cache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        return Directory.Exists(cache)
            ? Directory.EnumerateFiles(cache, "chrome", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
    }

    private const string LoopbackOnly = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";

    /// <summary>Starts headless Chromium that resolves no host but loopback, with a throw-away profile.</summary>
    public static Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string executable) => LaunchAsync(executable, LoopbackOnly);

    /// <summary>Starts headless Chromium with the given host-resolver rules (which hosts it may reach) and extra arguments.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string executable, string resolverRules, params string[] extraArguments)
    {
        // Chromium keeps its config under XDG_CONFIG_HOME; a temporary one keeps runs from sharing or leaving state.
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Directory.CreateTempSubdirectory("crewpass-chromium-").FullName);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", resolverRules,
                    .. extraArguments,
                ],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
