using System.Text.Json;
using System.Xml.Linq;
using Herald.Accounts;
using Herald.Tests.Accounts;
using Herald.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>
/// An editor's tasks in real Chromium, on a site with a real SMTP server: bring back an old
/// version of a live story as a draft beside the live text and publish it only after confirming;
/// append a correction and find it on the page, in the feed and in the page's JSON-LD; and get
/// back into a forgotten account through the e-mailed link.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class EditorTasksBrowserTests(MailSiteFixture site, BrowserFixture browser)
    : IClassFixture<MailSiteFixture>, IClassFixture<BrowserFixture>
{
    private const string Password = "a password for the editor's tasks";

    [SkippableFact]
    public async Task An_old_version_of_a_live_story_comes_back_as_a_draft_and_goes_live_only_after_confirming()
    {
        var page = await SignInAsync("browser-restore@example.org");
        var (editor, address) = await PublishAsync(page, "Lighthouse opens for visitors", "Tours start at ten on Saturdays.");
        await page.GotoAsync(editor);
        await page.Locator("textarea[name='Form.Body']").FillAsync("Tours start at noon on Saturdays.");
        await page.Locator("button[value=save]").ClickAsync();
        await page.Locator(".notice[data-saved-notice]", new() { HasText = "Saved" }).WaitForAsync();

        await page.GotoAsync(editor.Replace("/edit/", "/", StringComparison.Ordinal) + "/revisions");
        await page.Locator("button", new() { HasText = "Restore" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/revisions/draft");
        Assert.Contains("at noon", await page.Locator(".draft-column").First.TextContentAsync());
        Assert.Contains("at ten", await page.Locator(".draft-column").Last.TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "editor-restored-draft.png"), FullPage = true });
        Assert.Contains("at noon", await ReadAsync(address)); // a draft, not yet the story

        await page.Locator("button", new() { HasText = "Publish the draft" }).ClickAsync();
        var confirm = page.Locator(".confirm");
        await confirm.WaitForAsync();
        Assert.Contains("Lighthouse opens for visitors", await confirm.TextContentAsync());
        Assert.Contains("at noon", await ReadAsync(address)); // asking changed nothing
        await confirm.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published the draft" }).WaitForAsync();
        Assert.Contains("at ten", await ReadAsync(address));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_correction_appended_to_a_story_shows_on_the_page_in_the_feed_and_in_its_structured_data()
    {
        var page = await SignInAsync("browser-correction@example.org");
        var (editor, address) = await PublishAsync(page, "Ferry fares rise in spring", "Fares rise by twelve percent from April.");
        await page.GotoAsync(editor);
        await page.Locator("a", new() { HasText = "Corrections and updates" }).ClickAsync();
        await page.Locator("#note-text").FillAsync("An earlier version said fares rise by twenty percent; the rise is twelve percent.");
        await page.Locator("button", new() { HasText = "Append" }).ClickAsync();
        var confirm = page.Locator(".confirm");
        await confirm.WaitForAsync();
        await confirm.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "The correction is on the story now" }).WaitForAsync();

        // A reader, signed out, in a browser of their own.
        await using var readers = await page.Context.Browser!.NewContextAsync(new() { BypassCSP = true, BaseURL = site.RequireServer().Address.ToString().TrimEnd('/') });
        var reader = await readers.NewPageAsync();
        await reader.GotoAsync(address);
        Assert.Contains("rise is twelve percent", await reader.Locator(".story-notes").TextContentAsync());
        await reader.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "article-correction.png"), FullPage = true });
        var graph = await reader.Locator("script[type='application/ld+json']").First.TextContentAsync();
        using (var json = JsonDocument.Parse(graph!))
        {
            Assert.Contains("rise is twelve percent", FindCorrection(json.RootElement));
        }
        var feed = await reader.APIRequest.GetAsync("/feed");
        var item = XDocument.Parse(await feed.TextAsync()).Descendants("item").First(i => (string?)i.Element("title") == "Ferry fares rise in spring");
        Assert.Contains("rise is twelve percent", item.ToString());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_reporter_who_forgot_the_password_signs_in_again_through_the_e_mailed_link()
    {
        const string email = "browser-forgetful@example.org";
        var server = site.RequireServer();
        await NewsroomSession.CreateUserAsync(server, email, Roles.Author, "the password now forgotten");
        await using var context = await browser.RequireBrowser().NewContextAsync(new() { BypassCSP = true, BaseURL = server.Address.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom/login");
        await page.Locator("a[href='/newsroom/forgot-password']").ClickAsync();
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("button", new() { HasText = "Send me a link" }).ClickAsync();

        var mail = await site.Mailbox.WaitForAsync(email);
        var (_, pathAndQuery) = ResetLinks.In(mail.Body);
        await page.GotoAsync(pathAndQuery);
        await page.Locator("input[name='Form.New']").FillAsync(Password);
        await page.Locator("input[name='Form.Confirm']").FillAsync(Password);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-reset-password.png"), FullPage = true });
        await page.Locator("button", new() { HasText = "Change password" }).ClickAsync();

        await page.GotoAsync("/newsroom/login");
        await page.Locator("input[name='Form.Email']").FillAsync(email);
        await page.Locator("input[name='Form.Password']").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom");
        // The link was spent: a second use is refused, with a page that says so.
        var again = await page.GotoAsync(pathAndQuery);
        Assert.Equal(400, again?.Status);
    }

    private Task<IPage> SignInAsync(string email) => NewsroomBrowserSession.SignInAsync(browser, site.RequireServer(), email, Roles.Editor);

    /// <summary>Writes and publishes a story; its editor's address and its public path.</summary>
    private static async Task<(string Editor, string Address)> PublishAsync(IPage page, string headline, string body)
    {
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync(headline);
        await page.Locator("textarea[name='Form.Body']").FillAsync(body);
        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();
        var address = await page.Locator("a", new() { HasText = "View on the site" }).GetAttributeAsync("href");
        return (page.Url, new Uri(new Uri(page.Url), address!).PathAndQuery);
    }

    /// <summary>The story as a reader gets it now, over plain HTTP.</summary>
    private async Task<string> ReadAsync(string address)
    {
        using var reader = site.RequireServer().CreateClient();
        return await reader.GetStringAsync(address);
    }

    /// <summary>The text of the correction in the page's JSON-LD, wherever the graph puts the article.</summary>
    private static string FindCorrection(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("correction"))
                {
                    return property.Value.ToString();
                }
                if (FindCorrection(property.Value) is { Length: > 0 } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindCorrection(item) is { Length: > 0 } found)
                {
                    return found;
                }
            }
        }
        return "";
    }
}