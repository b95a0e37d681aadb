using System.Net;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Herald.Tests.WordPress.RestApi.WpWriting;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>
/// Comments written and moderated through the WordPress API with an application password, over
/// real HTTP: an editor comments and replies as themselves, approves, holds, marks spam, edits and
/// trashes, with WordPress's status codes and error bodies; the story's cached page follows every
/// step; the comment queue's permission (Editors) is the API's; no answer carries an e-mail address.
/// </summary>
public sealed class WpCommentWriteTests(WpWriteSite site) : IClassFixture<WpWriteSite>
{
    private const string EditorEmail = "api-moderator@example.org";

    private HeraldTestServer Server => site.RequireServer();

    [Fact]
    public async Task An_editor_comments_replies_and_moderates_through_the_api_and_the_page_follows()
    {
        using var api = Api(Server, EditorEmail, await PasswordForAsync(Server, EditorEmail, Roles.Editor));
        var (postId, link) = await PublishAsync(api, "Night ferry returns for the summer", "open");
        using var reader = Server.CreateClient();
        Assert.DoesNotContain("First crossing sold out", await reader.GetStringAsync(link)); // now cached

        var created = await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = postId, ["content"] = "First crossing sold out in an hour." }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var raw = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(EditorEmail, raw);
        var comment = JsonNode.Parse(raw)!;
        var id = (int)comment["id"]!;
        Assert.Equal(new Uri(Server.Address, $"/wp-json/wp/v2/comments/{id}"), created.Headers.Location);
        Assert.Equal("approved", (string?)comment["status"]);
        Assert.Equal(postId, (int)comment["post"]!);
        Assert.Contains("First crossing sold out", await reader.GetStringAsync(link));

        var reply = await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = postId, ["parent"] = id, ["content"] = "Tickets for July go on sale Monday." }));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(id, (int)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["parent"]!);

        // Spam takes it off the page and teaches the filter; approving brings it back.
        var spam = await api.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "spam" }));
        Assert.Equal(HttpStatusCode.OK, spam.StatusCode);
        Assert.Equal("spam", (string?)JsonNode.Parse(await spam.Content.ReadAsStringAsync())!["status"]);
        Assert.DoesNotContain("First crossing sold out", await reader.GetStringAsync(link));
        Assert.Equal(TrainedAs.Spam, await QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.TrainedAs).SingleAsync()));
        var approved = await api.PostAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "approve" }));
        Assert.Equal("approved", (string?)JsonNode.Parse(await approved.Content.ReadAsStringAsync())!["status"]);
        Assert.Contains("First crossing sold out", await reader.GetStringAsync(link));

        // An edit of the words, as WordPress's editor sends them.
        var edited = await api.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["content"] = new JsonObject { ["raw"] = "First crossing sold out in ten minutes." } }));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("First crossing sold out in ten minutes.", (string?)JsonNode.Parse(await edited.Content.ReadAsStringAsync())!["content"]!["raw"]);
        Assert.Contains("sold out in ten minutes", await reader.GetStringAsync(link));

        // Held: back in the queue, off the page.
        var held = await api.PatchAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "hold" }));
        Assert.Equal("hold", (string?)JsonNode.Parse(await held.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal(ModerationStatus.Pending, await QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.DoesNotContain("sold out in ten minutes", await reader.GetStringAsync(link));

        // DELETE trashes, as WordPress does; Herald keeps trashed comments, so force is refused, not ignored.
        var trashed = await api.DeleteAsync($"/wp-json/wp/v2/comments/{id}");
        Assert.Equal(HttpStatusCode.OK, trashed.StatusCode);
        Assert.Equal("trash", (string?)JsonNode.Parse(await trashed.Content.ReadAsStringAsync())!["status"]);
        await AssertErrorAsync(await api.DeleteAsync($"/wp-json/wp/v2/comments/{id}?force=true"), 501, "rest_trash_only");
        Assert.Equal(ModerationStatus.Trash, await QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Bad_comment_writes_get_wordpress_errors_that_name_the_problem_and_change_nothing()
    {
        using var api = Api(Server, EditorEmail, await PasswordForAsync(Server, EditorEmail, Roles.Editor));
        var (open, _) = await PublishAsync(api, "Harbour market moves indoors", "open");
        var (closed, _) = await PublishAsync(api, "Quay wall repairs finished", "closed");
        var before = await QueryAsync(db => db.Comments.CountAsync());

        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = closed, ["content"] = "Too late." })), 403, "rest_comment_closed");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = int.MaxValue, ["content"] = "Nowhere." })), 404, "rest_comment_invalid_post_id");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = open })), 400, "rest_invalid_param");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = open, ["content"] = "   " })), 400, "rest_invalid_param");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = open, ["content"] = new string('x', 100_000) })), 400, "rest_invalid_param");
        var forged = await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments",
            Json(new JsonObject { ["post"] = open, ["content"] = "As someone else.", ["author_email"] = "someone@example.org" })), 400, "rest_invalid_param");
        Assert.Contains("author_email", forged["data"]!["params"]!.ToJsonString());
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = open, ["parent"] = int.MaxValue, ["content"] = "To nobody." })), 400, "rest_comment_invalid_parent");
        Assert.Equal(before, await QueryAsync(db => db.Comments.CountAsync()));

        var made = JsonNode.Parse(await (await api.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = open, ["content"] = "Stalls open at eight." }))).Content.ReadAsStringAsync())!;
        var id = (int)made["id"]!;
        await AssertErrorAsync(await api.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "published" })), 400, "rest_invalid_param");
        await AssertErrorAsync(await api.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["post"] = closed })), 400, "rest_invalid_param");
        await AssertErrorAsync(await api.PutAsync($"/wp-json/wp/v2/comments/{int.MaxValue - 1}", Json(new JsonObject { ["status"] = "spam" })), 404, "rest_comment_invalid_id");
        await AssertErrorAsync(await api.DeleteAsync($"/wp-json/wp/v2/comments/{int.MaxValue - 1}"), 404, "rest_comment_invalid_id");
        var still = await QueryAsync(db => db.Comments.SingleAsync(c => c.Id == id));
        Assert.Equal((ModerationStatus.Approved, "Stalls open at eight.", open), (still.Status, still.Body, still.ArticleId));
    }

    [Fact]
    public async Task Only_those_who_moderate_in_the_newsroom_moderate_through_the_api()
    {
        using var editor = Api(Server, EditorEmail, await PasswordForAsync(Server, EditorEmail, Roles.Editor));
        var (postId, _) = await PublishAsync(editor, "Lifeboat crew gets a new station", "open");
        var id = (int)JsonNode.Parse(await (await editor.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = postId, ["content"] = "Long overdue." }))).Content.ReadAsStringAsync())!["id"]!;

        using var author = Api(Server, "api-comment-author@example.org", await PasswordForAsync(Server, "api-comment-author@example.org", Roles.Author));
        await AssertErrorAsync(await author.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "spam" })), 403, "rest_cannot_edit");
        await AssertErrorAsync(await author.DeleteAsync($"/wp-json/wp/v2/comments/{id}"), 403, "rest_cannot_delete");
        await AssertErrorAsync(await author.PostAsync("/wp-json/wp/v2/comments", Json(new JsonObject { ["post"] = postId, ["content"] = "Me too." })), 403, "rest_cannot_create");
        using var nobody = Server.CreateClient();
        await AssertErrorAsync(await nobody.PutAsync($"/wp-json/wp/v2/comments/{id}", Json(new JsonObject { ["status"] = "spam" })), 401, "rest_not_logged_in");
        Assert.Equal(ModerationStatus.Approved, await QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    /// <summary>A story published through the API, its comments open or closed; its id and its path on the site.</summary>
    private static async Task<(int Id, string Path)> PublishAsync(HttpClient api, string title, string comments)
    {
        var created = await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject
        {
            ["title"] = title,
            ["content"] = "<p>The story in a sentence.</p>",
            ["status"] = "publish",
            ["comment_status"] = comments,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        return ((int)post["id"]!, new Uri((string)post["link"]!).PathAndQuery);
    }

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}