using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Accounts.ApplicationPasswords;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>A demo site whose requests may speak for another client address (plain HTTP from afar, a proxy's https).</summary>
public sealed class WpWriteSite : SqliteSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services) => SimulatedClientAddress.Register(services);
}

/// <summary>
/// Writing through the WordPress API with application passwords, over real HTTP: made and revoked
/// in the newsroom, accepted only over HTTPS or from this machine, throttled when wrong; posts
/// created, updated and deleted with WordPress's status codes and error bodies and the newsroom's
/// role rules; pictures through Herald's image intake; cached pages evicted.
/// </summary>
public sealed class WpWriteTests(WpWriteSite site) : IClassFixture<WpWriteSite>
{
    private HeraldTestServer Server => site.RequireServer();

    [Fact]
    public async Task An_application_password_is_made_in_the_newsroom_shown_once_used_and_revoked()
    {
        const string email = "app-maker@example.org";
        using var session = await NewsroomSession.SignInAsync(Server, email, Roles.Editor);
        var made = await session.PostFormAsync("/newsroom/account/application-passwords?handler=Create", new() { ["Name"] = "Phone app" },
            formPage: "/newsroom/account/application-passwords");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var page = await made.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(page, "<code class=\"app-password\">([A-Za-z0-9 ]+)</code>").Groups[1].Value;
        Assert.Equal(29, password.Length); // six groups of four
        Assert.Contains("no-store", made.Headers.CacheControl?.ToString());

        // Stored only as a hash; the list shows the name and never the password again.
        var list = await (await session.Client.GetAsync("/newsroom/account/application-passwords")).Content.ReadAsStringAsync();
        Assert.Contains("Phone app", list);
        Assert.DoesNotContain(password, list);
        var row = await QueryAsync(db => db.Set<ApplicationPassword>().SingleAsync(p => p.Name == "Phone app"));
        Assert.DoesNotContain(password.Replace(" ", "", StringComparison.Ordinal), row.PasswordHash);
        Assert.Null(row.LastUsedAt);

        using var api = Api(email, password);
        var created = await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "Written from the phone", ["content"] = "<p>Words.</p>" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(await QueryAsync(db => db.Set<ApplicationPassword>().Where(p => p.Id == row.Id).Select(p => p.LastUsedAt).SingleAsync()));

        // The account's own password is no application password.
        using var withAccountPassword = Api(email, "correct horse battery");
        await AssertErrorAsync(await withAccountPassword.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "x" })), 401, "incorrect_password");

        var revoked = await session.PostFormAsync($"/newsroom/account/application-passwords?handler=Revoke&id={row.Id}", [],
            formPage: "/newsroom/account/application-passwords");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "After revoking" })), 401, "incorrect_password");
    }

    [Fact]
    public async Task Posts_are_created_updated_and_deleted_with_wordpress_status_codes_and_the_page_is_evicted()
    {
        var password = await PasswordForAsync("api-editor@example.org", Roles.Editor);
        using var api = Api("api-editor@example.org", password);
        var category = await QueryAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var tag = await QueryAsync(db => db.Tags.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());

        var created = await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject
        {
            ["title"] = "Harbour lights go dark for a night",
            ["content"] = "<p>The lamps rest while the keepers paint the towers.</p>",
            ["status"] = "publish",
            ["categories"] = new JsonArray(category),
            ["tags"] = new JsonArray(tag),
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = (int)post["id"]!;
        Assert.Equal(new Uri(Server.Address, $"/wp-json/wp/v2/posts/{id}"), created.Headers.Location);
        Assert.Equal("publish", (string?)post["status"]);
        Assert.Contains(category, post["categories"]!.AsArray().Select(c => (int)c!));
        Assert.Equal([tag], post["tags"]!.AsArray().Select(t => (int)t!));
        var link = new Uri((string)post["link"]!).PathAndQuery;

        using var reader = Server.CreateClient();
        var page = await reader.GetStringAsync(link);
        Assert.Contains("Harbour lights go dark for a night", page);
        Assert.Contains("paint the towers", page);
        Assert.Contains(id, WpApi.Ids(await WpApi.ListAsync(Server, "posts?per_page=100")));

        // The page is cached now; an update through the API evicts it.
        await reader.GetStringAsync(link);
        var updated = await api.PutAsync($"/wp-json/wp/v2/posts/{id}", Json(new JsonObject { ["content"] = new JsonObject { ["raw"] = "<p>The keepers finished early.</p>" } }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = JsonNode.Parse(await updated.Content.ReadAsStringAsync())!;
        Assert.Equal("Harbour lights go dark for a night", (string?)after["title"]!["raw"]); // left out, kept
        page = await reader.GetStringAsync(link);
        Assert.Contains("finished early", page);
        Assert.DoesNotContain("paint the towers", page);

        // Without force the post goes to the trash, as in WordPress: its address answers 410 Gone.
        var trashed = await api.DeleteAsync($"/wp-json/wp/v2/posts/{id}");
        Assert.Equal(HttpStatusCode.OK, trashed.StatusCode);
        Assert.Equal("trash", (string?)JsonNode.Parse(await trashed.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync(link)).StatusCode);
        var deleted = await api.DeleteAsync($"/wp-json/wp/v2/posts/{id}?force=true");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var answer = JsonNode.Parse(await deleted.Content.ReadAsStringAsync())!;
        Assert.True((bool)answer["deleted"]!);
        Assert.Equal(id, (int)answer["previous"]!["id"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(link)).StatusCode);
        await AssertErrorAsync(await api.DeleteAsync($"/wp-json/wp/v2/posts/{id}?force=true"), 404, "rest_post_invalid_id");
        await AssertErrorAsync(await api.PutAsync($"/wp-json/wp/v2/posts/{id}", Json(new JsonObject { ["title"] = "gone" })), 404, "rest_post_invalid_id");
    }

    [Fact]
    public async Task Bad_requests_get_wordpress_errors_and_nothing_is_written()
    {
        var password = await PasswordForAsync("api-careful@example.org", Roles.Editor);
        using var api = Api("api-careful@example.org", password);
        var before = await QueryAsync(db => db.Articles.CountAsync());

        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", new StringContent("{\"title\": ", Encoding.UTF8, "application/json")), 400, "rest_invalid_json");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", new StringContent("[1,2]", Encoding.UTF8, "application/json")), 400, "rest_invalid_json");
        var invalid = await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject
        {
            ["title"] = 12,
            ["status"] = "private",
            ["categories"] = "seven",
            ["tags"] = new JsonArray(999_999),
        })), 400, "rest_invalid_param");
        Assert.Equal(["categories", "status", "tags", "title"], invalid["data"]!["params"]!.AsObject().Select(p => p.Key).Order());
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = new string('h', ArticleLimits.Headline + 1), ["status"] = "publish", ["content"] = "x" })), 400, "rest_invalid_param");
        var huge = new StringContent("{\"content\":\"" + new string('a', 3 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", huge), 413, "rest_request_too_large");
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["status"] = "future", ["title"] = "When?", ["content"] = "x" })), 400, "rest_invalid_param");

        using var anonymous = Server.CreateClient();
        await AssertErrorAsync(await anonymous.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "x" })), 401, "rest_not_logged_in");
        Assert.Equal(before, await QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Roles_are_the_newsrooms()
    {
        var contributor = await PasswordForAsync("api-contributor@example.org", Roles.Contributor);
        using var api = Api("api-contributor@example.org", contributor);
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "Straight to print", ["content"] = "x", ["status"] = "publish" })), 403, "rest_cannot_publish");
        var draft = await api.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "A contributor's draft", ["content"] = "Words." }));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var draftJson = JsonNode.Parse(await draft.Content.ReadAsStringAsync())!;
        Assert.Equal("draft", (string?)draftJson["status"]);
        var submitted = await api.PostAsync($"/wp-json/wp/v2/posts/{(int)draftJson["id"]!}", Json(new JsonObject { ["status"] = "pending" }));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("pending", (string?)JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["status"]);

        // Someone else's published story: neither edited nor deleted.
        var published = await QueryAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Kind == ArticleKind.Story).Select(a => a.Id).FirstAsync());
        await AssertErrorAsync(await api.PutAsync($"/wp-json/wp/v2/posts/{published}", Json(new JsonObject { ["title"] = "Mine now" })), 403, "rest_cannot_edit");
        await AssertErrorAsync(await api.DeleteAsync($"/wp-json/wp/v2/posts/{published}?force=true"), 403, "rest_cannot_delete");
        using var image = new ByteArrayContent(TinyPng());
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        image.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"x.png\"" };
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/media", image), 403, "rest_cannot_create");
    }

    [Fact]
    public async Task Sticky_and_reader_password_are_written_the_wordpress_way_by_whom_the_newsroom_allows()
    {
        var editorPassword = await PasswordForAsync("api-sticky-editor@example.org", Roles.Editor);
        using var editor = Api("api-sticky-editor@example.org", editorPassword);
        var created = await editor.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject
        {
            ["title"] = "Lighthouse keepers vote on the winter rota",
            ["content"] = "<p>The ballot closes on Friday at the harbour office.</p>",
            ["status"] = "publish",
            ["sticky"] = true,
            ["password"] = "keepers only",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = (int)json["id"]!;
        Assert.True((bool)json["sticky"]!);
        Assert.Equal("keepers only", (string?)json["password"]);
        Assert.True((bool)json["content"]!["protected"]!);
        var stored = await QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.True(stored.IsSticky);
        Assert.Equal("keepers only", stored.Password);

        // Readers of the API get the title and no words until they give the password.
        using var reader = Server.CreateClient();
        var locked = JsonNode.Parse(await reader.GetStringAsync($"/wp-json/wp/v2/posts/{id}"))!;
        Assert.Equal("", (string?)locked["content"]!["rendered"]);
        Assert.Null(locked["password"]);
        var unlocked = JsonNode.Parse(await reader.GetStringAsync($"/wp-json/wp/v2/posts/{id}?password=keepers%20only"))!;
        Assert.Contains("ballot closes", (string?)unlocked["content"]!["rendered"]);

        // An empty password takes the lock off; leaving both fields out keeps them as they are.
        var opened = await editor.PostAsync($"/wp-json/wp/v2/posts/{id}", Json(new JsonObject { ["password"] = "", ["sticky"] = false }));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var kept = await editor.PostAsync($"/wp-json/wp/v2/posts/{id}", Json(new JsonObject { ["title"] = "Lighthouse keepers agree the winter rota" }));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        stored = await QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.False(stored.IsSticky);
        Assert.Null(stored.Password);
        Assert.Contains("ballot closes", (string?)JsonNode.Parse(await reader.GetStringAsync($"/wp-json/wp/v2/posts/{id}"))!["content"]!["rendered"]);

        // Wrong shapes are named and change nothing.
        var invalid = await AssertErrorAsync(await editor.PostAsync($"/wp-json/wp/v2/posts/{id}", Json(new JsonObject
        {
            ["sticky"] = "yes",
            ["password"] = new string('p', ArticleLimits.Password + 1),
        })), 400, "rest_invalid_param");
        Assert.Equal(["password", "sticky"], invalid["data"]!["params"]!.AsObject().Select(p => p.Key).Order());

        // What readers see first is an editor's call; who may lock a story is who may publish it.
        var authorPassword = await PasswordForAsync("api-sticky-author@example.org", Roles.Author);
        using var author = Api("api-sticky-author@example.org", authorPassword);
        await AssertErrorAsync(await author.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "Me first", ["content"] = "x", ["sticky"] = true })), 403, "rest_cannot_assign_sticky");
        var authorsOwn = await author.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "For the crew", ["content"] = "x", ["password"] = "crew" }));
        Assert.Equal(HttpStatusCode.Created, authorsOwn.StatusCode);
        Assert.Equal("crew", (string?)JsonNode.Parse(await authorsOwn.Content.ReadAsStringAsync())!["password"]);
        var contributorPassword = await PasswordForAsync("api-sticky-contributor@example.org", Roles.Contributor);
        using var contributor = Api("api-sticky-contributor@example.org", contributorPassword);
        await AssertErrorAsync(await contributor.PostAsync("/wp-json/wp/v2/posts", Json(new JsonObject { ["title"] = "Locked draft", ["content"] = "x", ["password"] = "mine" })), 403, "rest_cannot_publish");
        Assert.False(await QueryAsync(db => db.Articles.AnyAsync(a => a.Headline == "Me first" || a.Headline == "Locked draft")));
        stored = await QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.False(stored.IsSticky);
        Assert.Null(stored.Password);
    }

    [Fact]
    public async Task Pictures_go_through_the_image_intake()
    {
        var password = await PasswordForAsync("api-photo@example.org", Roles.Author);
        using var api = Api("api-photo@example.org", password);

        using var image = new ByteArrayContent(TinyPng());
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        image.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"quay at dusk.png\"" };
        var uploaded = await api.PostAsync("/wp-json/wp/v2/media?alt_text=The%20quay%20at%20dusk", image);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var media = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        Assert.Equal("The quay at dusk", (string?)media["alt_text"]);
        Assert.Equal("image/png", (string?)media["mime_type"]);
        using var reader = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri((string)media["source_url"]!).PathAndQuery)).StatusCode);

        using var text = new ByteArrayContent("not a picture"u8.ToArray());
        text.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"notes.png\"" };
        var refused = await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/media", text), 415, "rest_upload_invalid");
        Assert.DoesNotContain("Exception", (string?)refused["message"]);
        using var nameless = new ByteArrayContent(TinyPng());
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/media", nameless), 400, "rest_upload_no_content_disposition");
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"empty.png\"" };
        await AssertErrorAsync(await api.PostAsync("/wp-json/wp/v2/media", empty), 400, "rest_upload_no_data");
    }

    [Fact]
    public async Task Application_passwords_need_https_or_this_machine_and_wrong_ones_are_throttled()
    {
        var password = await PasswordForAsync("api-remote@example.org", Roles.Editor);
        var body = new JsonObject { ["title"] = "From afar", ["content"] = "x" };

        // Plain HTTP from another machine: refused, even with the right password.
        using var remote = Api("api-remote@example.org", password);
        var request = new HttpRequestMessage(HttpMethod.Post, "/wp-json/wp/v2/posts") { Content = Json(body) };
        request.Headers.Add(SimulatedClientAddress.Header, "203.0.113.7");
        await AssertErrorAsync(await remote.SendAsync(request), 401, "application_passwords_disabled");

        // Through a trusted proxy that terminated TLS: accepted.
        request = new HttpRequestMessage(HttpMethod.Post, "/wp-json/wp/v2/posts") { Content = Json(body) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.Created, (await remote.SendAsync(request)).StatusCode);

        // Wrong passwords from one network: refused, then made to wait, with a clear answer.
        using var guesser = Api("api-remote@example.org", "AAAA BBBB CCCC DDDD EEEE FFFF");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            var guess = new HttpRequestMessage(HttpMethod.Post, "/wp-json/wp/v2/posts") { Content = Json(body) };
            guess.Headers.Add(SimulatedClientAddress.Header, "127.0.0.9");
            last = await guesser.SendAsync(guess);
            if (last.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
            await AssertErrorAsync(last, 401, "incorrect_password");
        }
        await AssertErrorAsync(last!, 429, "rest_too_many_attempts");
        Assert.NotNull(last!.Headers.RetryAfter);
    }

    private Task<string> PasswordForAsync(string email, string role) => WpWriting.PasswordForAsync(Server, email, role);

    private HttpClient Api(string user, string password) => WpWriting.Api(Server, user, password);

    private static StringContent Json(JsonNode body) => WpWriting.Json(body);

    private static Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, int status, string code) => WpWriting.AssertErrorAsync(response, status, code);

    /// <summary>A real 64×48 PNG, made with the same library Herald decodes with.</summary>
    public static byte[] TinyPng()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(64, 48, new SixLabors.ImageSharp.PixelFormats.Rgba32(30, 90, 160));
        using var output = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, output);
        return output.ToArray();
    }

    private async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }
}