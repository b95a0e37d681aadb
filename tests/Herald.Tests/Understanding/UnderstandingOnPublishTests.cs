using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Understanding;

/// <summary>Publishing through the newsroom makes Herald read the story; a draft gives nobody a page.</summary>
public sealed class UnderstandingOnPublishTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string Story = "Port Director Wilhelmina Strand announced a new ferry line on Monday.\n\n“The line will run every hour from March,” Strand said.\n";

    [Fact]
    public async Task A_published_story_gives_its_speaker_a_page_and_a_draft_does_not()
    {
        var server = fixture.RequireServer();
        using var editor = await NewsroomSession.SignInAsync(server, "understanding-editor@example.org", Roles.Editor);
        using var reader = server.CreateClient();

        var id = await editor.WriteAsync("Ferry line announced", Story);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/people/wilhelmina-strand")).StatusCode);

        var published = await editor.EditAsync(server, id, "Ferry line announced", Story, action: "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (response, page) = await reader.GetPageAsync("/people/wilhelmina-strand");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The line will run every hour from March", page.QuerySelector(".quote-list")!.TextContent);

        var unpublished = await editor.EditAsync(server, id, "Ferry line announced", Story, "unpublish", ("confirm", "unpublish"));
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/people/wilhelmina-strand")).StatusCode);
    }
}