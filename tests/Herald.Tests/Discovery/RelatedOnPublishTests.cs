using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Discovery;

/// <summary>Publishing through the newsroom computes the story's related articles; unpublishing takes it out.</summary>
public sealed class RelatedOnPublishTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string Story = """
        Kestrel Maritime will order four more methanol-capable container ships, the Norrhavn shipping
        group said, as interim chief executive Selin Aydoğan sets out the fleet strategy Anders Falk left behind.

        The order follows the wind-to-fuel project with Aurelia Grid and a fall in freight rates.
        """;

    [Fact]
    public async Task A_published_story_gets_related_articles_and_leaves_their_lists_when_unpublished()
    {
        var server = fixture.RequireServer();
        using var editor = await NewsroomSession.SignInAsync(server, "related-editor@example.org", Roles.Editor);
        using var reader = server.CreateClient();

        var id = await editor.WriteAsync("Kestrel Maritime orders four more methanol ships", Story, "publish");
        var url = await NewsroomWriting.PublicUrlAsync(server, id);
        var (_, page) = await reader.GetPageAsync(url);

        var related = page.QuerySelectorAll(".related .related-item a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(related);
        Assert.Contains(related, href => href.Contains("kestrel", StringComparison.Ordinal));
    }
}