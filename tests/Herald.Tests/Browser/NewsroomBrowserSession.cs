using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>A newsroom member signed in through the login form in a browser context of their own.</summary>
public static class NewsroomBrowserSession
{
    private const string Password = "a password for the browser tests";

    /// <summary>Creates the account with <paramref name="role"/>, signs it in and returns the newsroom's front page.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, HeraldTestServer server, string email, string role)
    {
        await NewsroomSession.CreateUserAsync(server, email, role, Password);
        // Playwright's waits evaluate script text, which Herald's content security policy forbids.
        var context = await browser.RequireBrowser().NewContextAsync(new()
        {
            BypassCSP = true,
            BaseURL = server.Address.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        return page;
    }
}