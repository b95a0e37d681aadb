using System.Globalization;
using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Browser;

/// <summary>The focal point set by clicking the subject of a picture in Chromium, its marker and crops following.</summary>
[Trait("Tier", "Slow")]
public sealed class FocalPointBrowserTests(SqliteSiteFixture site, BrowserFixture browser)
    : IClassFixture<SqliteSiteFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Clicking_the_subject_sets_the_focal_point_moves_the_marker_and_saves()
    {
        var server = site.RequireServer();
        var page = await NewsroomBrowserSession.SignInAsync(browser, server, "browser-focal@example.org", Roles.Editor);
        int picture;
        using (var uploader = await NewsroomSession.SignInAsync(server, "browser-focal-uploads@example.org", Roles.Author))
        {
            var response = await FigureUploadTests.UploadAsync(uploader, MediaTests.Png(320, 180), "lighthouse.png", ("Figure.Alt", "The lighthouse at dusk"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            picture = json.RootElement.GetProperty("id").GetInt32();
        }
        await page.GotoAsync($"/newsroom/media/{picture}");
        var image = page.Locator("[data-focal-picture] img");
        var box = (await image.BoundingBoxAsync())!;

        // A quarter across and three quarters down.
        await image.ClickAsync(new() { Position = new() { X = box.Width * 0.25f, Y = box.Height * 0.75f } });

        var across = int.Parse(await page.Locator("input[name='Focus.X']").InputValueAsync(), CultureInfo.InvariantCulture);
        var down = int.Parse(await page.Locator("input[name='Focus.Y']").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(across, 23, 27);
        Assert.InRange(down, 73, 77);
        box = (await image.BoundingBoxAsync())!; // the click scrolled the picture into view
        var marker = (await page.Locator(".focal-marker").BoundingBoxAsync())!;
        Assert.InRange(marker.X + (marker.Width / 2) - box.X, box.Width * 0.2, box.Width * 0.3);
        Assert.InRange(marker.Y + (marker.Height / 2) - box.Y, box.Height * 0.7, box.Height * 0.8);
        var crop = await page.Locator("img.crop-square").EvaluateAsync<string>("img => getComputedStyle(img).objectPosition");
        Assert.Equal($"{across}% {down}%", crop);

        await page.Locator("[data-focal-editor]").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "newsroom-focal-point.png") });
        await page.Locator("button", new() { HasText = "Save the focal point" }).ClickAsync();
        await page.Locator(".notice", new() { HasText = "Focal point saved" }).WaitForAsync();
        Assert.Equal(across.ToString(CultureInfo.InvariantCulture), await page.Locator("input[name='Focus.X']").InputValueAsync());
        await page.Context.CloseAsync();
    }
}