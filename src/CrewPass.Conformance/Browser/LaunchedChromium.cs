using Microsoft.Playwright;

namespace CrewPass.Conformance.Browser;

/// <summary>
/// A launched Chromium: disposing it closes the browser, and the driver when the browser had one of its own; a browser
/// the host shares stays open for the next run. Work in contexts of your own (NewContextAsync) and close them.
/// </summary>
public sealed class LaunchedChromium(IBrowser browser, IPlaywright? ownDriver, bool shared = false) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public async ValueTask DisposeAsync()
    {
        if (shared) return;
        try
        {
            await Browser.CloseAsync();
        }
        finally
        {
            ownDriver?.Dispose();
        }
    }
}
