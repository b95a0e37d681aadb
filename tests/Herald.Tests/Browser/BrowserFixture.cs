using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright cannot download its own browsers here).
/// Started once per test class; skipped with a message where Chromium is not installed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public IBrowser RequireBrowser()
    {
        RequiredService.SkipUnlessAvailable(Browser is not null, $"Chromium is not installed at {ChromiumPath}; install Debian's chromium package.");
        return Browser!;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The flags keep Chromium off the network it cannot reach here and let it run as root.
            // Every name but the loopback ones fails at once instead of waiting on DNS: the hostile
            // corpus points hundreds of pictures at made-up hosts, and a test may reach loopback only.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}