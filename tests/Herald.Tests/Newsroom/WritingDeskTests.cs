using System.Net;
using Herald.Accounts;
using Herald.Newsroom.Editor;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>The writing desk as the server writes it: word count, reading time and preview are right before any script runs.</summary>
public sealed class WritingDeskTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => "word" + i)) + ".";

    [Fact]
    public async Task The_editor_page_shows_words_reading_time_and_preview_without_script()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "desk-count@example.org", Roles.Author);
        // 461 words of story; the figure's words are not the story's.
        var body = $"A **bold** start.\n\n{Words(458)}\n\n::: figure\n![Alt words here](/media/x.png)\nCaption: Caption words not counted\nCredit: Credit words\n:::";
        var id = await author.WriteAsync("Counting words", body, "publish");

        var (response, page) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("461 words", page.QuerySelector("[data-word-count]")!.TextContent);
        Assert.Equal("2 min read", page.QuerySelector("[data-reading-time]")!.TextContent);
        Assert.Equal(461, (await NewsroomWriting.LoadAsync(Server, id)).WordCount);
        using var reader = Server.CreateClient();
        var (_, article) = await reader.GetPageAsync(await NewsroomWriting.PublicUrlAsync(Server, id));
        Assert.Equal("· 2 min read", article.QuerySelector(".reading-time")!.TextContent.Trim());
        Assert.Equal("bold", page.QuerySelector("[data-preview-body] strong")!.TextContent);
        Assert.Equal("Credit words", page.QuerySelector("[data-preview-body] figure .credit")!.TextContent);
        // The preview is outside the editor form: form controls a body may contain never join its fields.
        Assert.Null(page.QuerySelector("form.editor [data-preview-body]"));
        Assert.Equal("body-length", page.QuerySelector("textarea[name='Form.Body']")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task A_new_article_says_it_has_no_words_yet_and_a_refused_save_counts_the_words_kept()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "desk-new@example.org", Roles.Author);
        var (_, empty) = await author.Client.GetPageAsync("/newsroom/articles/edit");
        Assert.Equal("0 words", empty.QuerySelector("[data-word-count]")!.TextContent);
        Assert.Equal("nothing to read yet", empty.QuerySelector("[data-reading-time]")!.TextContent);

        var refused = await author.PostEditorAsync(0, NewsroomWriting.Fields(new string('x', 301), "One two three."));
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("3 words", page.QuerySelector("[data-word-count]")!.TextContent);
        Assert.Equal("1 min read", page.QuerySelector("[data-reading-time]")!.TextContent);
    }

    [Fact]
    public async Task Every_preview_answer_carries_the_same_count_for_the_script_to_show()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "desk-preview@example.org", Roles.Author);
        var preview = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = Words(1000) }, "/newsroom");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("1,000 words", string.Join("", preview.Headers.GetValues(BodyLength.WordsHeader)));
        Assert.Equal("4 min read", string.Join("", preview.Headers.GetValues(BodyLength.ReadingTimeHeader)));
    }

    [Theory]
    [InlineData(0, "0 words", "nothing to read yet")]
    [InlineData(1, "1 word", "1 min read")]
    [InlineData(230, "230 words", "1 min read")]
    [InlineData(231, "231 words", "1 min read")]
    [InlineData(345, "345 words", "2 min read")]
    [InlineData(12_345, "12,345 words", "54 min read")]
    public void Reading_time_is_the_public_pages_whole_minutes(int words, string wordsText, string readingText)
    {
        var length = new BodyLength(words);
        Assert.Equal(wordsText, length.WordsText);
        Assert.Equal(readingText, length.ReadingTimeText);
    }

    [Fact]
    public async Task The_search_preview_shows_the_pages_title_and_description_and_warns_past_the_lengths_shown()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "desk-snippet@example.org", Roles.Author);
        var headline = "Council approves the new harbour bridge after eleven years of planning disputes";
        var id = await author.WriteAsync(headline, "The vote was close. " + Words(80), "publish");
        var (_, editor) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        using var reader = Server.CreateClient();
        var (_, article) = await reader.GetPageAsync(await NewsroomWriting.PublicUrlAsync(Server, id));

        var title = editor.QuerySelector("[data-snippet-title]")!.TextContent;
        var description = editor.QuerySelector("[data-snippet-description]")!.TextContent;
        Assert.Equal(article.Title, title);
        Assert.Equal(article.QuerySelector("meta[name=description]")!.GetAttribute("content"), description);
        var titleNote = editor.QuerySelector("[data-snippet-title-note]")!;
        Assert.Contains("snippet-warning", titleNote.ClassName);
        Assert.StartsWith($"The title is {title.Length} characters; search results show about 60", titleNote.TextContent);
        Assert.Equal(headline, editor.QuerySelector("[data-snippet-card-title]")!.TextContent);

        var shortStory = await author.WriteAsync("Bridge vote", "Body.", "save", ("Form.Dek", "A short standfirst."));
        var (_, shortEditor) = await author.Client.GetPageAsync($"/newsroom/articles/edit/{shortStory}");
        Assert.Equal("A short standfirst.", shortEditor.QuerySelector("[data-snippet-description]")!.TextContent);
        Assert.Equal("Description: 19 of about 155 characters.", shortEditor.QuerySelector("[data-snippet-description-note]")!.TextContent);
        Assert.DoesNotContain("snippet-warning", shortEditor.QuerySelector("[data-snippet-title-note]")!.ClassName ?? "");
    }
}