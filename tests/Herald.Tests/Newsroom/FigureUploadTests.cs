using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Herald.Accounts;
using Herald.Articles.Figures;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Pictures uploaded from the editor: through the media library's intake, answered with the figure
/// block to insert, and refused with a message a person understands.
/// </summary>
public sealed class FigureUploadTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task An_uploaded_picture_comes_back_as_a_figure_block_and_is_kept_in_the_library()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "figure-up@example.org", Roles.Author);
        var response = await UploadAsync(author, MediaTests.Png(900, 600), "harbour.png",
            ("Figure.Alt", "Boats [three] in the harbour"), ("Figure.Caption", "The *first* boats leave at dawn."), ("Figure.Credit", "Jan Vos"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var markdown = json.RootElement.GetProperty("markdown").GetString()!;
        var lines = markdown.Split('\n');
        var figure = Figure.Parse(lines[1..^1])!;
        Assert.Equal(Figure.Opening, lines[0]);
        Assert.Equal("Boats [three] in the harbour", figure.Alt);
        Assert.Equal("The *first* boats leave at dawn.", figure.Caption);
        Assert.Equal("Jan Vos", figure.Credit);
        Assert.Equal(json.RootElement.GetProperty("url").GetString(), figure.Url);

        await using var scope = Server.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().MediaItems.AsNoTracking()
            .SingleAsync(m => m.Id == json.RootElement.GetProperty("id").GetInt32());
        Assert.Equal((figure.Url, "harbour.png", 900, "Jan Vos"), (item.Url, item.OriginalName, item.Width, item.Credit));
        using var reader = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(figure.Url)).StatusCode);
    }

    [Theory]
    [InlineData("notes.png", "text", "A caption", "This file is not a picture Herald can read", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("empty.png", "empty", "A caption", "The file is empty", HttpStatusCode.BadRequest)]
    [InlineData("ok.png", "png", "", "Describe what the picture shows (alt text)", HttpStatusCode.BadRequest)]
    [InlineData("ok.png", "png", "long", "A caption has at most 1,000 characters.", HttpStatusCode.BadRequest)]
    public async Task A_refused_picture_gets_a_message_a_person_understands_and_nothing_is_stored(
        string fileName, string content, string caption, string message, HttpStatusCode status)
    {
        using var author = await NewsroomSession.SignInAsync(Server, $"figure-refused-{fileName}-{content}@example.org", Roles.Author);
        var bytes = content switch
        {
            "text" => "These are my notes, not a picture."u8.ToArray(),
            "empty" => [],
            _ => MediaTests.Png(40, 30),
        };
        var fields = new List<(string, string)> { ("Figure.Caption", caption == "long" ? new string('c', 1001) : caption) };
        if (caption != "")
        {
            fields.Add(("Figure.Alt", "Some alt text"));
        }
        var before = await CountMediaAsync();

        var response = await UploadAsync(author, bytes, fileName, [.. fields]);

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, json.RootElement.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountMediaAsync());
    }

    [Fact]
    public async Task A_contributor_cannot_upload_and_is_not_offered_the_button()
    {
        using var contributor = await NewsroomSession.SignInAsync(Server, "figure-contributor@example.org", Roles.Contributor);
        var before = await CountMediaAsync();

        var response = await UploadAsync(contributor, MediaTests.Png(40, 30), "sneaky.png", ("Figure.Alt", "Sneaky"));
        var (_, editor) = await contributor.Client.GetPageAsync("/newsroom/articles/edit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountMediaAsync());
        Assert.Null(editor.QuerySelector("[data-figure-open]"));
        Assert.Null(editor.QuerySelector("#figure-dialog"));
    }

    [Fact]
    public async Task An_author_is_offered_the_picture_form_with_the_library_limits()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "figure-form@example.org", Roles.Author);
        var (_, editor) = await author.Client.GetPageAsync("/newsroom/articles/edit");

        Assert.NotNull(editor.QuerySelector("[data-figure-open]"));
        var dialog = editor.QuerySelector("dialog#figure-dialog form[action='/newsroom/articles/figure']")!;
        Assert.Equal(Herald.Media.ImageIntake.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            dialog.QuerySelector("input[type=file]")!.GetAttribute("data-max-bytes"));
        Assert.NotNull(dialog.QuerySelector("input[name=__RequestVerificationToken]"));
        // Its fields are its own: none of them is sent with the story.
        Assert.Null(editor.QuerySelector("form.editor input[name^='Figure.']"));
    }

    private async Task<int> CountMediaAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().MediaItems.CountAsync();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(NewsroomSession session, byte[] bytes, string fileName, params (string Name, string Value)[] fields)
    {
        var (_, page) = await session.Client.GetPageAsync("/newsroom");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await session.Client.PostAsync("/newsroom/articles/figure", form);
    }
}