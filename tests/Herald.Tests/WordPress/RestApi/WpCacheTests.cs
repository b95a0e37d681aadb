using System.Net;
using System.Net.Http.Headers;
using Herald.Accounts;
using Herald.Articles;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// API answers come from the output cache, with ETags, and the newsroom's writes evict them:
/// publishing, editing and approving a comment each show at once.
/// </summary>
public sealed class WpCacheTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Answers_are_cached_and_a_newsroom_publish_evicts_them()
    {
        var before = WpApi.Ids(await WpApi.ListAsync(Server, "posts?per_page=3"));
        // Written straight into the database: nothing evicts, so the cached list must not change.
        var sneaked = await TestArticles.AddAsync(Server, "Sneaked past the cache", "Written behind the newsroom's back.");
        Assert.Equal(before, WpApi.Ids(await WpApi.ListAsync(Server, "posts?per_page=3")));

        using var editor = await NewsroomSession.SignInAsync(Server, "wp-cache@example.org", Roles.Editor);
        var published = await editor.WriteAsync("Harbour ferry timetable changes for winter", "New times from Monday.", "publish");

        var after = WpApi.Ids(await WpApi.ListAsync(Server, "posts?per_page=3"));
        Assert.Equal(published, after[0]);
        Assert.Contains(sneaked.Id, after);
    }

    [Fact]
    public async Task Editing_a_published_article_evicts_its_cached_item()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "wp-edit@example.org", Roles.Editor);
        var id = await editor.WriteAsync("Lock gates close for repairs", "The gates close on Tuesday.", "publish");
        var first = await WpApi.OneAsync(Server, $"posts/{id}");
        Assert.Equal("Lock gates close for repairs", (string?)first["title"]!["rendered"]);

        var response = await editor.EditAsync(Server, id, "Lock gates close for two weeks of repairs", "The gates close on Tuesday.", "publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var second = await WpApi.OneAsync(Server, $"posts/{id}");
        Assert.Equal("Lock gates close for two weeks of repairs", (string?)second["title"]!["rendered"]);
    }

    [Fact]
    public async Task Approving_a_comment_evicts_the_cached_comment_list()
    {
        var article = await TestArticles.AddAsync(Server, "Quay lights are being replaced", "New lamps along the quay.");
        Assert.Empty(await WpApi.ListAsync(Server, $"comments?post={article.Id}"));

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var comment = new Comment
            {
                ArticleId = article.Id,
                AuthorName = "Quay Watcher",
                AuthorEmail = "watcher@example.net",
                Body = "About time.",
                Status = ModerationStatus.Pending,
                CreatedAt = DateTime.UtcNow,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            Assert.Empty(await WpApi.ListAsync(Server, $"comments?post={article.Id}"));

            comment.Status = ModerationStatus.Approved;
            // How moderation saves every approval.
            await scope.ServiceProvider.GetRequiredService<CommentPublishing>().SaveAsync([article.Id], CancellationToken.None);
        }

        var comments = await WpApi.ListAsync(Server, $"comments?post={article.Id}");
        Assert.Equal("Quay Watcher", (string?)Assert.Single(comments)!["author_name"]);
    }

    [Fact]
    public async Task A_matching_etag_gets_304_and_queries_are_cached_apart()
    {
        using var client = Server.CreateClient();
        var first = await client.GetAsync("/wp-json/wp/v2/categories");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/wp-json/wp/v2/categories");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag!.Tag));
        var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        var two = await WpApi.ListAsync(Server, "categories?per_page=2");
        var three = await WpApi.ListAsync(Server, "categories?per_page=3");
        Assert.Equal(2, two.Count);
        Assert.Equal(3, three.Count);
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        var id = (await TestArticles.AddAsync(Server, "Drafted ferry notice", "Not yet.", status: ArticleStatus.Draft)).Id;
        await WpApi.ErrorAsync(Server, $"posts/{id}", HttpStatusCode.NotFound, "rest_post_invalid_id");

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ArticleStatus.Published));
        }

        Assert.Equal(id, (int)(await WpApi.OneAsync(Server, $"posts/{id}"))["id"]!);
    }
}