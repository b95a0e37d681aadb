using System.Text;
using Herald.Accounts;
using Herald.Hosting;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Hosting;

/// <summary>
/// A NUL pasted into a form (%00 in the post) costs the person nothing: the framework's form reader
/// would refuse the whole form with a bare 400 and every field typed would be gone; Herald drops
/// the NUL and reads the rest.
/// </summary>
public sealed class FormNulTests(SqliteCommentSiteFixture fixture) : IClassFixture<SqliteCommentSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Theory]
    [InlineData("a%00b", "ab")]
    [InlineData("%00%00x%00", "x")]
    [InlineData("100%2500 sure", "100%2500 sure")]
    [InlineData("ends with %0", "ends with %0")]
    [InlineData("ends with %", "ends with %")]
    [InlineData("raw\0byte", "rawbyte")]
    [InlineData("%000", "0")]
    public void Encoded_and_raw_nul_are_removed_and_nothing_else(string form, string kept)
    {
        var bytes = Encoding.ASCII.GetBytes(form);
        var length = FormNulStripper.Strip(bytes);
        Assert.Equal(kept, Encoding.ASCII.GetString(bytes, 0, length));
    }

    [SkippableFact]
    public async Task A_comment_with_a_nul_is_stored_without_it()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 32);
        using var visitor = Visitor.Create(Server);
        var id = await visitor.PostAcceptedAsync(new CommentPost(articleId, "Pasted from a PDF:\0 the figures\0 hold.", "Nul\0 Reader"));
        var stored = await CommentData.CommentAsync(Server, id);
        Assert.Equal("Pasted from a PDF: the figures hold.", stored.Body);
        Assert.Equal("Nul Reader", stored.AuthorName);
    }

    [SkippableFact]
    public async Task A_refused_comment_with_a_nul_gives_the_words_back()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 33);
        using var visitor = Visitor.Create(Server);
        var response = await visitor.PostAsync(new CommentPost(articleId, "Every word\0 of this comes back.", Name: ""));
        Assert.InRange((int)response.StatusCode, 400, 499);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Every word of this comes back.", page.QuerySelector("textarea#comment")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#author-error"));
    }

    [SkippableFact]
    public async Task A_story_with_a_nul_is_saved_without_it()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "nul-author@example.org", Roles.Author);
        var id = await author.WriteAsync("Harbour\0 dues rise", "The council\0 voted.");
        var stored = await NewsroomWriting.LoadAsync(Server, id);
        Assert.Equal("Harbour dues rise", stored.Headline);
        Assert.Contains("The council voted.", stored.BodySource, StringComparison.Ordinal);
    }
}