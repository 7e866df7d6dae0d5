using Microsoft.Playwright;
using Qp.Tests.Shared;

namespace Qp.Render.Html.Tests;

/// <summary>
/// Headless Chromium from the distribution, started once for the browser tests (lazily, so skipped tests never start it). Playwright is
/// pointed at the installed browser with ExecutablePath: it cannot download its own here, and is never asked to.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>A new page in its own context, <paramref name="width"/> CSS pixels wide, with script enabled or not.</summary>
    public async Task<IPage> NewPage(int width = 1280, bool script = true)
    {
        await gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                playwright = await Playwright.CreateAsync();
                // Root in a container has no user namespace for Chromium's sandbox.
                browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
            }
        }
        finally { gate.Release(); }
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = script, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        gate.Dispose();
    }
}

/// <summary>The edition and the browser shared by every browser test.</summary>
public sealed class BrowserEdition : IAsyncLifetime
{
    public SmallEdition Edition { get; } = new();

    public Browser Browser { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Edition.Dispose();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserEdition>;
