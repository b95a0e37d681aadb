using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>
/// The commenter's e-mail never reaches the public, in any form, and a cached article page never
/// carries one visitor's state (a remembered name, a held comment, a token) to another.
/// </summary>
public abstract class PrivacyAndCacheTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task The_email_address_and_its_plain_hashes_appear_in_no_public_response()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 30);
        const string email = "Private.Person@Example.org";
        using var author = Visitor.Create(Server);
        var first = await author.PostAcceptedAsync(new CommentPost(articleId, "Approved words from a private person.", "Private Person", email) { Website = "https://private.example.org", Remember = true });
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, first);
        var held = await author.PostAcceptedAsync(new CommentPost(articleId, "Held words with http://a.example https://b.example https://c.example", "Private Person", email));

        using var stranger = Visitor.Create(Server);
        var (_, page) = await stranger.Client.GetPageAsync(url);
        var avatar = page.QuerySelector($"#comment-{first} img.avatar")!.GetAttribute("src")!;
        var paths = new[]
        {
            url, "/", $"{url}/comments/feed", "/comments/feed", $"/comments/state?article={articleId}", avatar,
            $"/comments/{first}/reply", $"/comments/{held}/awaiting", "/category/politics",
        };
        var forbidden = Forms(email).ToList();
        foreach (var path in paths)
        {
            foreach (var client in new[] { stranger.Client, author.Client })
            {
                if (client == author.Client && path.StartsWith("/comments/state", StringComparison.Ordinal))
                {
                    continue; // The author's own remembered fields, sent to them alone with no-store.
                }
                var response = await client.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync() + response.Headers + response.Content.Headers;
                foreach (var value in forbidden)
                {
                    Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{path} carries {value}");
                }
            }
        }
        Assert.Contains("Approved words from a private person.", await stranger.Client.GetStringAsync("/comments/feed"));
    }

    [SkippableFact]
    public async Task A_cached_article_page_carries_no_visitor_state_and_the_state_endpoint_is_never_cached()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 31);
        using var alice = Visitor.Create(Server);
        await alice.PostAcceptedAsync(new CommentPost(articleId, "Alice's held thought about the quay.", "Alice Remembered", "alice@example.org") { Remember = true });
        var aliceState = JsonDocument.Parse(await alice.Client.GetStringAsync($"/comments/state?article={articleId}")).RootElement;

        var aliceView = await alice.Client.GetAsync(url);
        using var bob = Visitor.Create(Server);
        var bobView = await bob.Client.GetAsync(url);
        var alicePage = await aliceView.Content.ReadAsStringAsync();
        var bobPage = await bobView.Content.ReadAsStringAsync();

        Assert.Equal(alicePage, bobPage);
        Assert.Equal(aliceView.Headers.ETag, bobView.Headers.ETag);
        foreach (var leaked in new[] { "Alice Remembered", "alice@example.org", "held thought", aliceState.GetProperty("token").GetString()! })
        {
            Assert.DoesNotContain(leaked, bobPage);
        }
        Assert.False(aliceView.Headers.Contains("Set-Cookie"));
        Assert.Equal("Alice Remembered", aliceState.GetProperty("remembered").GetProperty("name").GetString());
        Assert.Equal("Alice's held thought about the quay.", aliceState.GetProperty("awaiting")[0].GetProperty("paragraphs")[0].GetString());

        var bobStateResponse = await bob.Client.GetAsync($"/comments/state?article={articleId}");
        var bobState = JsonDocument.Parse(await bobStateResponse.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("no-store", bobStateResponse.Headers.CacheControl!.ToString());
        Assert.Equal(JsonValueKind.Null, bobState.GetProperty("remembered").ValueKind);
        Assert.Equal(0, bobState.GetProperty("awaiting").GetArrayLength());
        Assert.NotEqual(aliceState.GetProperty("token").GetString(), bobState.GetProperty("token").GetString());
    }

    [SkippableFact]
    public async Task Comments_render_as_escaped_text_with_paragraphs_and_safe_links()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 32);
        using var reader = Visitor.Create(Server);
        await CommentData.TrustedEmailAsync(reader, articleId, "render@example.org");
        var body = "First <script>alert(1)</script> line\nsame paragraph\n\nSee https://example.org/a?b=1&c=2. Thanks!";
        var withSite = await reader.PostAcceptedAsync(new CommentPost(articleId, body, "Named <i>Site</i>", "render@example.org") { Website = "example.org/me" });
        var withoutSite = await reader.PostAcceptedAsync(new CommentPost(articleId, "No website here.", "Plain Name", "render@example.org"));

        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync(url);
        var content = page.QuerySelector($"#comment-{withSite} .comment-content")!;
        Assert.Equal(2, content.QuerySelectorAll("p").Length);
        Assert.Null(content.QuerySelector("script"));
        Assert.Contains("<script>alert(1)</script>", content.TextContent);
        Assert.NotNull(content.QuerySelector("br"));
        var link = content.QuerySelector("a")!;
        Assert.Equal("https://example.org/a?b=1&c=2", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        var name = page.QuerySelector($"#comment-{withSite} .comment-author a")!;
        Assert.Equal("https://example.org/me", name.GetAttribute("href"));
        Assert.Equal("Named <i>Site</i>", name.TextContent);
        Assert.Null(page.QuerySelector($"#comment-{withoutSite} .comment-author a"));
        Assert.Equal("Plain Name", page.QuerySelector($"#comment-{withoutSite} .comment-author")!.TextContent);
        var avatar = await client.GetAsync(page.QuerySelector($"#comment-{withSite} img.avatar")!.GetAttribute("src"));
        Assert.Equal("image/svg+xml", avatar.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The address as typed, lower-cased, and its unkeyed MD5 and SHA-256 in hex and Base64.</summary>
    private static IEnumerable<string> Forms(string email)
    {
        foreach (var variant in new[] { email, email.ToLowerInvariant(), email.Trim().ToLowerInvariant() }.Distinct())
        {
            yield return variant;
            yield return Uri.EscapeDataString(variant);
            foreach (var hash in new[] { MD5.HashData(Encoding.UTF8.GetBytes(variant)), SHA256.HashData(Encoding.UTF8.GetBytes(variant)) })
            {
                yield return Convert.ToHexString(hash);
                yield return Convert.ToBase64String(hash);
            }
        }
    }
}

public sealed class SqlitePrivacyAndCacheTests(SqliteCommentSiteFixture fixture) : PrivacyAndCacheTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresPrivacyAndCacheTests(PostgresCommentSiteFixture fixture) : PrivacyAndCacheTests(fixture), IClassFixture<PostgresCommentSiteFixture>;