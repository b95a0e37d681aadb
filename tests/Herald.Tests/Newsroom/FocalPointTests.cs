using System.Globalization;
using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Media;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>
/// The focal point of a library picture: set on its newsroom page, kept by the stories that show
/// it as their featured image, and shown by every card that crops it — at once, cached pages too.
/// </summary>
public sealed class FocalPointTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_focal_point_moved_in_the_library_moves_the_crop_of_every_card_showing_the_picture_at_once()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "focal-editor@example.org", Roles.Editor);
        var picture = await UploadAsync(editor, "harbour-crane.png");
        var headline = $"Crane lifted onto the quay {Guid.NewGuid():N}";
        await editor.WriteAsync(headline, "The new crane arrived overnight.", "publish", ("Form.FeaturedMediaId", picture.ToString(CultureInfo.InvariantCulture)));
        using var reader = Server.CreateClient();
        Assert.Contains("focus-x-50 focus-y-50", CardImageClasses(await reader.GetPageAsync("/"), headline));
        await reader.GetAsync("/"); // now from the output cache

        var saved = await editor.PostFormAsync($"/newsroom/media/{picture}?handler=Focus",
            new() { ["Focus.X"] = "31", ["Focus.Y"] = "72" }, $"/newsroom/media/{picture}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await editor.Client.GetPageAsync($"/newsroom/media/{picture}");
        Assert.Equal("31", page.QuerySelector("input[name='Focus.X']")!.GetAttribute("value"));
        Assert.Equal("72", page.QuerySelector("input[name='Focus.Y']")!.GetAttribute("value"));
        Assert.Contains("focus-x-30", page.QuerySelector("[data-focal-editor]")!.ClassName);
        // Snapped to the stylesheet's 5% steps, on the cached home page as on the story's section.
        Assert.Contains("focus-x-30 focus-y-70", CardImageClasses(await reader.GetPageAsync("/"), headline));
        // The editor's picker and its shared-link preview crop the same way.
        var picked = await editor.Client.GetStringAsync("/newsroom/media/pick?q=harbour-crane");
        Assert.Contains("\"focusClasses\":\"focus-x-30 focus-y-70\"", picked);
        var story = await editor.WriteAsync($"Another crane {Guid.NewGuid():N}", "Words.", "save", ("Form.FeaturedMediaId", picture.ToString(CultureInfo.InvariantCulture)));
        var (_, desk) = await editor.Client.GetPageAsync($"/newsroom/articles/edit/{story}");
        Assert.Contains("focus-x-30 focus-y-70", desk.QuerySelector("[data-snippet-image]")!.ClassName);
    }

    [Theory]
    [InlineData("101", "50")]
    [InlineData("-1", "50")]
    [InlineData("", "50")]
    [InlineData("forty", "50")]
    [InlineData("50", "99999999999")]
    public async Task A_focal_point_outside_the_picture_is_refused_with_a_message_and_nothing_changes(string across, string down)
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "focal-refused@example.org", Roles.Editor);
        var picture = await UploadAsync(editor, "pier.png");

        var refused = await editor.PostFormAsync($"/newsroom/media/{picture}?handler=Focus",
            new() { ["Focus.X"] = across, ["Focus.Y"] = down }, $"/newsroom/media/{picture}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("two whole numbers from 0 to 100", await refused.Content.ReadAsStringAsync());
        var (_, page) = await editor.Client.GetPageAsync($"/newsroom/media/{picture}");
        Assert.Equal("50", page.QuerySelector("input[name='Focus.X']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_author_moves_the_focal_point_of_her_own_pictures_only()
    {
        using var owner = await NewsroomSession.SignInAsync(Server, "focal-owner@example.org", Roles.Author);
        using var other = await NewsroomSession.SignInAsync(Server, "focal-other@example.org", Roles.Author);
        var picture = await UploadAsync(owner, "market.png");

        var theirs = await other.PostFormAsync($"/newsroom/media/{picture}?handler=Focus",
            new() { ["Focus.X"] = "10", ["Focus.Y"] = "10" }, "/newsroom/media");
        var hers = await owner.PostFormAsync($"/newsroom/media/{picture}?handler=Focus",
            new() { ["Focus.X"] = "10", ["Focus.Y"] = "10" }, $"/newsroom/media/{picture}");

        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hers.StatusCode);
    }

    [Theory]
    [InlineData(50, 50, "focus-x-50 focus-y-50")]
    [InlineData(0, 100, "focus-x-0 focus-y-100")]
    [InlineData(31, 72, "focus-x-30 focus-y-70")]
    [InlineData(33, 98, "focus-x-35 focus-y-100")]
    [InlineData(-20, 140, "focus-x-0 focus-y-100")]
    public void Classes_snap_to_the_stylesheet_s_steps(int x, int y, string classes) =>
        Assert.Equal(classes, FocalPoint.Classes(x, y));

    [Fact]
    public void The_stylesheet_has_a_class_for_every_step()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src/Herald/wwwroot/css/focus.css"));
        for (var percent = 0; percent <= 100; percent += FocalPoint.Step)
        {
            Assert.Contains($".focus-x-{percent} {{ --focus-x: {percent}%; }}", css);
            Assert.Contains($".focus-y-{percent} {{ --focus-y: {percent}%; }}", css);
        }
    }

    private static string CardImageClasses((HttpResponseMessage, AngleSharp.Dom.IDocument Document) page, string headline)
    {
        var card = page.Document.QuerySelectorAll("article.card").Single(c => c.TextContent.Contains(headline, StringComparison.Ordinal));
        return card.QuerySelector(".card-image img")!.ClassName ?? "";
    }

    private static async Task<int> UploadAsync(NewsroomSession session, string name)
    {
        var response = await FigureUploadTests.UploadAsync(session, MediaTests.Png(160, 90), name, ("Figure.Alt", "A picture for the focal point"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }
}