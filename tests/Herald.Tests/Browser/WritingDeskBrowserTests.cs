using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.Playwright;

namespace Herald.Tests.Browser;

/// <summary>
/// A reporter at the writing desk in real Chromium: preview beside the text, live word count, keys for
/// save and preview, and a picture added from the editor that readers see with its caption and credit.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class WritingDeskBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_reporter_writes_beside_the_preview_watches_the_count_and_saves_with_the_keyboard()
    {
        var page = await SignInAsync("desk-keys@example.org");
        await page.GotoAsync("/newsroom/articles/edit");
        var body = page.Locator("textarea[name='Form.Body']");
        var preview = page.Locator("#editor-preview");
        await page.Locator("input[name='Form.Headline']").FillAsync("Ferry timetable changes on Monday");
        await body.FillAsync("The **early ferry** leaves at six.\n\n" + string.Join(' ', Enumerable.Repeat("More words for the count", 50)));

        await page.Locator("[data-preview-body] strong").WaitForAsync();
        await page.Locator("[data-word-count]", new() { HasText = "256 words" }).WaitForAsync();
        Assert.Equal("1 min read", await page.Locator("[data-reading-time]").TextContentAsync());

        // Wide screen: the preview stands beside the text, top edges level.
        var text = (await body.BoundingBoxAsync())!;
        var shown = (await preview.BoundingBoxAsync())!;
        Assert.True(shown.X >= text.X + text.Width, $"preview at x={shown.X}, text ends at x={text.X + text.Width}");
        Assert.True(shown.Y < text.Y + text.Height, "the preview starts beside the text, not under it");
        Assert.True(await page.Locator("[data-shortcuts]").IsVisibleAsync(), "the keys are explained on the page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-wide.png"), FullPage = true });

        // The search preview follows the headline, and warns once it is longer than results show.
        Assert.DoesNotContain("snippet-warning", await page.Locator("[data-snippet-title-note]").GetAttributeAsync("class") ?? "");
        await page.Locator("input[name='Form.Headline']").FillAsync("Ferry timetable changes on Monday as the island service loses its night crossing");
        await page.Locator("[data-snippet-title-note].snippet-warning", new() { HasText = "search results show about 60" }).WaitForAsync();
        Assert.StartsWith("Ferry timetable changes on Monday as the island service", await page.Locator("[data-snippet-title]").TextContentAsync());
        Assert.StartsWith("The early ferry leaves at six.", await page.Locator("[data-snippet-description]").TextContentAsync());
        await page.Locator("[data-snippet]").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-search-preview.png") });

        // Ctrl+Shift+P goes to the preview and back to the text.
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+Shift+P");
        Assert.Equal("editor-preview", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+Shift+P");
        Assert.Equal("Form.Body", await page.EvaluateAsync<string>("document.activeElement.name"));

        // Ctrl+S saves the draft: the page that answers says so, and no "never saved" banner follows.
        await page.Keyboard.PressAsync("Control+S");
        await page.Locator(".notice[data-saved-notice]", new() { HasText = "Saved" }).WaitForAsync();
        Assert.Matches("/newsroom/articles/edit/\\d+$", page.Url);
        Assert.Equal("256 words", await page.Locator("[data-word-count]").TextContentAsync());
        Assert.False(await page.Locator("[data-restore]").IsVisibleAsync());

        // Narrow screen: one column, the preview below the text.
        await page.SetViewportSizeAsync(800, 1000);
        text = (await body.BoundingBoxAsync())!;
        shown = (await preview.BoundingBoxAsync())!;
        Assert.True(shown.Y >= text.Y + text.Height, $"preview at y={shown.Y}, text ends at y={text.Y + text.Height}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-narrow.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_reporter_adds_a_picture_from_the_editor_and_readers_see_its_caption_and_credit()
    {
        var page = await SignInAsync("desk-figure@example.org");
        await page.GotoAsync("/newsroom/articles/edit");
        var body = page.Locator("textarea[name='Form.Body']");
        var dialog = page.Locator("#figure-dialog");
        const string words = "The harbour reopened today after the storm.";
        await page.Locator("input[name='Form.Headline']").FillAsync("Harbour reopens after the storm");
        await body.FillAsync(words);

        // A file that is not a picture, dropped onto the story: the form says so, the story is untouched.
        await body.EvaluateAsync("""
            area => {
                const files = new DataTransfer();
                files.items.add(new File(['just my notes'], 'notes.txt', { type: 'text/plain' }));
                area.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
            }
            """);
        await dialog.Locator("[data-figure-problem]", new() { HasText = "\"notes.txt\" is not a picture Herald can use" }).WaitForAsync();

        // A file that only calls itself a PNG: the media library's intake refuses it, and what was typed stays.
        await dialog.Locator("input[name='Figure.Alt']").FillAsync("Fishing boats moored three deep along the quay");
        await dialog.Locator("input[name='Figure.Caption']").FillAsync("Boats waited out the storm inside the breakwater.");
        await dialog.Locator("input[name='Figure.Credit']").FillAsync("Photo: Ana Lima");
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "quay.png", MimeType = "image/png", Buffer = "not really a picture"u8.ToArray() });
        await dialog.Locator("[data-figure-insert]").ClickAsync();
        await dialog.Locator("[data-figure-problem]", new() { HasText = "not a picture Herald can read" }).WaitForAsync();
        Assert.Equal("Photo: Ana Lima", await dialog.Locator("input[name='Figure.Credit']").InputValueAsync());
        Assert.Equal(words, await body.InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-figure-refused.png") });

        // The real picture: uploaded, and the figure goes into the story with its words as fields.
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "quay.png", MimeType = "image/png", Buffer = MediaTests.Png(1200, 800) });
        await dialog.Locator("[data-figure-insert]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var text = await body.InputValueAsync();
        Assert.StartsWith(words + "\n\n::: figure\n![Fishing boats moored three deep along the quay](/media/", text);
        Assert.Contains("\nCaption: Boats waited out the storm inside the breakwater.\nCredit: Photo: Ana Lima\n:::", text);
        await page.Locator("[data-preview-body] figure .credit", new() { HasText = "Photo: Ana Lima" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-figure-inserted.png"), FullPage = true });

        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();
        await page.GotoAsync((await page.Locator("a", new() { HasText = "View on the site" }).GetAttributeAsync("href"))!);
        var figure = page.Locator(".story-body figure");
        Assert.Equal("Fishing boats moored three deep along the quay", await figure.Locator("img").GetAttributeAsync("alt"));
        Assert.StartsWith("Boats waited out the storm inside the breakwater.", await figure.Locator("figcaption").TextContentAsync());
        Assert.Equal("Photo: Ana Lima", await figure.Locator("figcaption .credit").TextContentAsync());
        Assert.True(await figure.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1200"), "the picture loads on the public page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-figure-public.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_reporter_finds_the_featured_image_by_its_caption_and_chooses_it_by_thumbnail()
    {
        var page = await SignInAsync("desk-picker@example.org");
        // Two pictures with one file name, as a newsroom gets them from two photographers.
        using (var session = await NewsroomSession.SignInAsync(site.RequireServer(), "desk-picker-uploads@example.org", Roles.Author))
        {
            Assert.True((await FigureUploadTests.UploadAsync(session, MediaTests.Png(1200, 800), "IMG_0001.png",
                ("Figure.Alt", "Rowers on the river at sunrise"), ("Figure.Caption", "The regatta crews train before work"), ("Figure.Credit", "Kai Berg"))).IsSuccessStatusCode);
            Assert.True((await FigureUploadTests.UploadAsync(session, MediaTests.Png(800, 1200), "IMG_0001.png",
                ("Figure.Alt", "A ferry at the pier"))).IsSuccessStatusCode);
        }
        await page.GotoAsync("/newsroom/articles/edit");
        await page.Locator("input[name='Form.Headline']").FillAsync("Regatta season opens");
        await page.Locator("textarea[name='Form.Body']").FillAsync("Crews from six clubs rowed the first race of the season.");

        var picker = page.Locator("[data-media-picker]");
        await picker.Locator("input[type=search]").FillAsync("regatta");
        await picker.Locator("[data-media-status]", new() { HasText = "1 found for \"regatta\"" }).WaitForAsync();
        var found = picker.Locator(".picker-item");
        Assert.Equal(1, await found.CountAsync());
        Assert.Contains("1200 × 800", await found.TextContentAsync());
        Assert.Contains("Library alt text: Rowers on the river at sunrise", await found.TextContentAsync());
        await found.ClickAsync();

        Assert.Equal("true", await found.GetAttributeAsync("aria-pressed"));
        Assert.Equal("Rowers on the river at sunrise", await page.Locator("input[name='Form.FeaturedAlt']").InputValueAsync());
        Assert.Equal("The regatta crews train before work", await page.Locator("input[name='Form.FeaturedCaption']").InputValueAsync());
        Assert.Equal("Kai Berg", await page.Locator("input[name='Form.FeaturedCredit']").InputValueAsync());
        Assert.StartsWith("IMG_0001.png · 1200 × 800 · ", await page.Locator("select[name='Form.FeaturedMediaId'] option:checked").TextContentAsync());
        Assert.True(await page.Locator("[data-featured-chosen]").IsVisibleAsync());
        Assert.EndsWith(".png", await page.Locator("[data-featured-chosen] img").GetAttributeAsync("src"));
        Assert.Equal(await page.Locator("[data-featured-chosen] img").GetAttributeAsync("src"), await page.Locator("[data-snippet-image]").GetAttributeAsync("src"));
        await page.Locator("[data-featured-chosen]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "writing-desk-featured-picker.png") });

        await page.Locator("button[value=publish]").ClickAsync();
        await page.Locator(".notice", new() { HasText = "Published" }).WaitForAsync();
        await page.GotoAsync((await page.Locator("a", new() { HasText = "View on the site" }).GetAttributeAsync("href"))!);
        Assert.Equal("Rowers on the river at sunrise", await page.Locator(".featured-image img").GetAttributeAsync("alt"));
        await page.Context.CloseAsync();
    }

    private Task<IPage> SignInAsync(string email) => NewsroomBrowserSession.SignInAsync(browser, site.RequireServer(), email, Roles.Author);
}