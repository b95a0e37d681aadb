using System.Net;
using System.Text.Json;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>The featured-image picker: pictures found by file name, alt text or caption, and two files of one name told apart.</summary>
public sealed class MediaPickerTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Pictures_are_found_by_file_name_alt_text_or_caption_whatever_the_case()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "picker-search@example.org", Roles.Author);
        var quay = await UploadAsync(author, "Quay-At-Night.png", 64, 48, "Lamps along the quay", "The night shift at the Pickerbay docks");
        var gulls = await UploadAsync(author, "birds.png", 64, 48, "Gulls over a pickerfish trawler", null);

        Assert.Equal([quay], await FindAsync(author, "PICKERBAY"));
        Assert.Equal([gulls], await FindAsync(author, "pickerfish"));
        Assert.Equal([quay], await FindAsync(author, "quay-at"));
        Assert.Equal([quay], await FindAsync(author, "night lamps")); // every word, anywhere
        Assert.Empty(await FindAsync(author, "pickerbay gulls"));
        Assert.Contains(gulls, await FindAsync(author, ""));
    }

    [Fact]
    public async Task A_search_past_the_limit_is_refused_with_a_message()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "picker-long@example.org", Roles.Author);
        var response = await author.Client.GetAsync("/newsroom/media/pick?q=" + new string('a', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_files_of_one_name_are_told_apart_by_size_and_upload_time_and_the_chosen_one_is_shown()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "picker-same@example.org", Roles.Author);
        var wide = await UploadAsync(author, "photo.png", 120, 60, "A wide view of the bay", null);
        var tall = await UploadAsync(author, "photo.png", 60, 120, "A tall view of the lighthouse", null);
        var id = await author.WriteAsync("Two photos", "Words.", "save", ("Form.FeaturedMediaId", tall.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.FeaturedAlt", "The lighthouse"));

        var (_, editor) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");

        var options = editor.QuerySelectorAll("select[name='Form.FeaturedMediaId'] option").Select(o => o.TextContent).ToList();
        Assert.Equal(options.Count, options.Distinct().Count());
        var labels = options.Where(o => o.StartsWith("photo.png", StringComparison.Ordinal)).ToList();
        Assert.Contains(labels, l => l.StartsWith("photo.png · 120 × 60 · ", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("photo.png · 60 × 120 · ", StringComparison.Ordinal));
        Assert.All(labels, l => Assert.Matches(@"\d{4}, \d\d:\d\d$", l));
        var chosen = editor.QuerySelector("[data-featured-chosen]")!;
        Assert.False(chosen.HasAttribute("hidden"));
        Assert.Equal("Library alt text: A tall view of the lighthouse", chosen.QuerySelector("[data-chosen-alt]")!.TextContent);
        Assert.StartsWith("60 × 120 · ", chosen.QuerySelector("[data-chosen-details]")!.TextContent);
        Assert.NotNull(chosen.QuerySelector("img[src^='/media/']"));
        Assert.NotEqual(wide, tall);
    }

    private static async Task<int> UploadAsync(NewsroomSession author, string name, int width, int height, string alt, string? caption)
    {
        var fields = new List<(string, string)> { ("Figure.Alt", alt) };
        if (caption is not null)
        {
            fields.Add(("Figure.Caption", caption));
        }
        var response = await FigureUploadTests.UploadAsync(author, MediaTests.Png(width, height), name, [.. fields]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private static async Task<List<int>> FindAsync(NewsroomSession author, string query)
    {
        var response = await author.Client.GetAsync("/newsroom/media/pick?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }
}