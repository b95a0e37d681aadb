using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Articles;
using Herald.Articles.Protection;
using Herald.Tests.Discovery;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Articles;

/// <summary>
/// Password-protected stories, the WordPress way, over real HTTP on a site with its output cache:
/// the page asks for the password; body, comments, feeds, the API and search snippets stay
/// withheld until it is given; an unlocked page never reaches another reader. SQLite and PostgreSQL.
/// </summary>
public abstract class PostPasswordTests(SiteFixture fixture)
{
    private const string Secret = "Saltmarsh lantern 42";
    private HeraldTestServer Server => fixture.RequireServer();

    /// <summary>A published story with a password, whose body holds a word found nowhere else.</summary>
    private async Task<(Article Article, string Url, string Word)> ProtectedStoryAsync(string password = Secret)
    {
        var word = "quillotine" + Guid.NewGuid().ToString("N")[..6];
        var added = await TestArticles.AddAsync(Server, "Harbour board minutes, for members only " + word[^6..],
            $"The board agreed the {word} budget in private.", DateTime.UtcNow.AddMinutes(-30), dek: "A dek about the " + word + " plan.");
        // The password is set in the editor, as an editor would: the save evicts the cached lists and feeds.
        using var editor = await NewsroomSession.SignInAsync(Server, "passwords-setter@example.org", Roles.Editor);
        var saved = await SaveWithPasswordAsync(editor, added.Id, password);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await NewsroomWriting.LoadAsync(Server, added.Id);
        Assert.Equal(password, article.Password);
        return (article, await Server.UrlOfAsync(article.Slug), word);
    }

    private async Task<HttpResponseMessage> SaveWithPasswordAsync(NewsroomSession editor, int id, string password)
    {
        var stored = await NewsroomWriting.LoadAsync(Server, id);
        var fields = NewsroomWriting.Fields(stored.Headline, stored.BodySource,
            ("Form.Version", stored.Version.ToString(CultureInfo.InvariantCulture)), ("Form.Slug", stored.Slug),
            ("Form.Dek", stored.Dek ?? ""), ("Form.Password", password));
        if (stored.PrimaryCategoryId is { } section)
        {
            fields["Form.PrimaryCategoryId"] = section.ToString(CultureInfo.InvariantCulture);
        }
        return await editor.PostEditorAsync(id, fields);
    }

    [SkippableFact]
    public async Task A_locked_story_shows_its_headline_byline_and_a_password_form_and_nothing_of_its_words()
    {
        var (article, url, word) = await ProtectedStoryAsync();
        using var client = Server.CreateClient();

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(article.Headline, page.QuerySelector("h1.headline")!.TextContent);
        Assert.NotNull(page.QuerySelector(".byline a[rel=author]"));
        Assert.Equal(url + "/unlock", page.QuerySelector("form.password-form")!.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("form.password-form input[type=password][name=password]"));
        Assert.Null(page.QuerySelector(".story-body"));
        Assert.Null(page.QuerySelector(".dek"));
        Assert.Null(page.QuerySelector("#comments"));
        Assert.Null(page.QuerySelector("form.comment-form"));
        Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        var jsonLd = JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!.AsObject();
        Assert.False(jsonLd.ContainsKey("articleBody"));
        Assert.False(jsonLd.ContainsKey("description"));
        Assert.Equal(article.Headline, (string?)jsonLd["headline"]);
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_with_a_message_and_unlocks_nothing()
    {
        var (_, url, word) = await ProtectedStoryAsync();
        using var reader = NewsroomSession.Anonymous(Server);

        var wrong = await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = "saltmarsh lantern 42" }));
        var wrongPage = Html.Parse(await wrong.Content.ReadAsStringAsync());
        var tooLong = await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = new string('x', 256) }));
        var empty = await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = "" }));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("not the password", wrongPage.QuerySelector("form.password-form .form-problem")!.TextContent);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 255 characters", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var after = await reader.Client.GetStringAsync(url);
        Assert.DoesNotContain(word, after, StringComparison.Ordinal);
        Assert.Contains("password-form", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_right_password_opens_the_story_for_that_reader_only_and_never_through_the_shared_cache()
    {
        var (_, url, word) = await ProtectedStoryAsync();
        using var other = Server.CreateClient();
        Assert.DoesNotContain(word, await other.GetStringAsync(url), StringComparison.Ordinal); // the locked page, now cached
        using var reader = NewsroomSession.Anonymous(Server);

        var unlock = await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Secret }));

        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(url, unlock.Headers.Location!.OriginalString);
        var cookie = Assert.Single(unlock.Headers.GetValues("Set-Cookie"), c => c.StartsWith(PostPasswords.CookiePrefix, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, cookie, StringComparison.Ordinal);

        // The reader with the cookie is not served the cached locked page, and gets the words.
        var opened = await reader.Client.GetAsync(url);
        var openedPage = Html.Parse(await opened.Content.ReadAsStringAsync());
        Assert.Contains(word, openedPage.QuerySelector(".story-body")!.TextContent, StringComparison.Ordinal);
        Assert.Null(openedPage.QuerySelector("form.password-form"));
        Assert.Contains("no-store", opened.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(opened.Headers.CacheControl.Private);

        // Another reader, before and after, gets the locked page: the open one was never stored.
        for (var i = 0; i < 2; i++)
        {
            var locked = await other.GetStringAsync(url);
            Assert.DoesNotContain(word, locked, StringComparison.Ordinal);
            Assert.Contains("password-form", locked, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_new_password_locks_out_readers_who_gave_the_old_one()
    {
        var (article, url, word) = await ProtectedStoryAsync();
        using var reader = NewsroomSession.Anonymous(Server);
        await reader.Client.PostAsync(url + "/unlock", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Secret }));
        Assert.Contains(word, await reader.Client.GetStringAsync(url), StringComparison.Ordinal);
        using var editor = await NewsroomSession.SignInAsync(Server, "passwords-editor@example.org", Roles.Editor);

        var saved = await SaveWithPasswordAsync(editor, article.Id, "a new one");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("a new one", (await NewsroomWriting.LoadAsync(Server, article.Id)).Password);
        var after = await reader.Client.GetStringAsync(url);
        Assert.DoesNotContain(word, after, StringComparison.Ordinal);
        Assert.Contains("password-form", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_editor_refuses_an_over_long_password_keeping_the_words_and_a_writer_cannot_set_one()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "passwords-long@example.org", Roles.Editor);
        var response = await editor.PostEditorAsync(0, NewsroomWriting.Fields("A story with a long password", "Words kept.", ("Form.Password", new string('p', 256))));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 255 characters", page.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal("Words kept.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());

        using var contributor = await NewsroomSession.SignInAsync(Server, "passwords-contributor@example.org", Roles.Contributor);
        var id = await contributor.WriteAsync("A contributor's draft", "Words.", "save", ("Form.Password", "mine"));
        Assert.Null((await NewsroomWriting.LoadAsync(Server, id)).Password);
    }

    [SkippableFact]
    public async Task Feeds_the_api_search_and_lists_withhold_the_words_but_list_the_story()
    {
        var (article, url, word) = await ProtectedStoryAsync();
        using var client = Server.CreateClient();

        foreach (var feed in new[] { "/feed", "/feed/atom", "/category/business/feed" })
        {
            var xml = await client.GetStringAsync(feed);
            Assert.Contains(article.Headline, xml, StringComparison.Ordinal);
            Assert.DoesNotContain(word, xml, StringComparison.Ordinal);
            Assert.Contains(PostPasswords.NoExcerpt, xml, StringComparison.Ordinal);
        }

        var home = await client.GetStringAsync("/");
        Assert.Contains(url, home, StringComparison.Ordinal);
        Assert.DoesNotContain(word, home, StringComparison.Ordinal);
        var card = Html.Parse(home).QuerySelectorAll(".card").First(c => c.QuerySelector(".card-headline a")?.GetAttribute("href") == url);
        Assert.Equal(PostPasswords.NoExcerpt, card.QuerySelector(".card-dek.card-protected")!.TextContent);

        var one = JsonNode.Parse(await client.GetStringAsync($"/wp-json/wp/v2/posts/{article.Id}"))!;
        Assert.True((bool)one["content"]!["protected"]!);
        Assert.True((bool)one["excerpt"]!["protected"]!);
        Assert.Equal("", (string?)one["content"]!["rendered"]);
        Assert.Equal("", (string?)one["excerpt"]!["rendered"]);
        var list = await client.GetAsync("/wp-json/wp/v2/posts?per_page=100");
        var listed = JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(listed, p => (int)p!["id"]! == article.Id);
        Assert.DoesNotContain(word, listed.ToJsonString(), StringComparison.Ordinal);
        var given = JsonNode.Parse(await client.GetStringAsync($"/wp-json/wp/v2/posts/{article.Id}?password={Uri.EscapeDataString(Secret)}"))!;
        Assert.Contains(word, (string?)given["content"]!["rendered"], StringComparison.Ordinal);
        var wrong = await client.GetAsync($"/wp-json/wp/v2/posts/{article.Id}?password=nope");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("rest_post_incorrect_password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The answer given with the password was not kept for a request without it.
        Assert.Equal("", (string?)JsonNode.Parse(await client.GetStringAsync($"/wp-json/wp/v2/posts/{article.Id}"))!["content"]!["rendered"]);

        // Search finds the story by its headline, shown without a snippet, and never by a word of its
        // locked dek or body: a hit would tell a reader that the story holds the word.
        Assert.Empty(await SearchHitsAsync(client, word, url));
        var hit = Assert.Single(await SearchHitsAsync(client, word[^6..], url));
        Assert.Equal(PostPasswords.NoExcerpt, hit.QuerySelector(".search-snippet")!.TextContent);
        Assert.DoesNotContain(word, hit.OuterHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Removing_the_password_makes_the_words_findable_and_a_new_one_hides_them_again()
    {
        var (article, url, word) = await ProtectedStoryAsync();
        using var client = Server.CreateClient();
        using var editor = await NewsroomSession.SignInAsync(Server, "passwords-search@example.org", Roles.Editor);
        Assert.Empty(await SearchHitsAsync(client, word, url));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveWithPasswordAsync(editor, article.Id, "")).StatusCode);
        Assert.Null((await NewsroomWriting.LoadAsync(Server, article.Id)).Password);
        var hit = Assert.Single(await SearchHitsAsync(client, word, url));
        Assert.Contains(word, hit.QuerySelector(".search-snippet")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveWithPasswordAsync(editor, article.Id, "locked again")).StatusCode);
        Assert.Empty(await SearchHitsAsync(client, word, url));
    }

    private static async Task<List<AngleSharp.Dom.IElement>> SearchHitsAsync(HttpClient client, string query, string url)
    {
        var (_, results) = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        return results.QuerySelectorAll(".search-hit").Where(h => h.QuerySelector(".card-headline a")!.GetAttribute("href") == url).ToList();
    }
}

public sealed class SqlitePostPasswordTests(SqliteSiteFixture fixture) : PostPasswordTests(fixture), IClassFixture<SqliteSiteFixture>;

public sealed class PostgresPostPasswordTests(PostgresSiteFixture fixture) : PostPasswordTests(fixture), IClassFixture<PostgresSiteFixture>;