using System.Net;
using System.Text;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Comments;

/// <summary>
/// Hostile input through the real form: every payload is refused with a 4xx or stored exactly as
/// sent and shown inert. <see cref="Browser.CommentBrowserTests"/> renders the stored ones in Chromium.
/// </summary>
public abstract class HostileCommentTests(SiteFixture fixture)
{
    private HeraldTestServer Server => fixture.RequireServer();

    public static readonly string[] Payloads =
    [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "<svg/onload=alert('xss-3')>",
        "\"><script>alert('xss-4')</script>",
        "javascript:alert('xss-5')",
        "<a href=\"javascript:alert('xss-6')\">click</a>",
        "<iframe src=\"javascript:alert('xss-7')\"></iframe>",
        "<body onload=alert('xss-8')>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-9')>",
        "http://example.org/\"onmouseover=\"alert('xss-10')",
        "https://example.org/<script>alert('xss-11')</script>",
        "{{constructor.constructor('alert(\"xss-12\")')()}}",
        "'; DROP TABLE \"Comments\"; --",
        "1' OR '1'='1",
        "\\\"; SELECT pg_sleep(5); --",
        "%00%27%22%3C%3E",
        "\u202Egnp.exe \u200B zero-width \uFEFF bom",
        "Emoji 🎉 and CJK 漢字 and RTL مرحبا",
    ];

    [SkippableFact]
    public async Task Every_payload_is_refused_or_stored_verbatim_and_rendered_inert()
    {
        var (articleId, url) = await CommentData.ArticleNumberAsync(Server, 42);
        var stored = new List<(int Id, string Body)>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            using var visitor = Visitor.Create(Server);
            var payload = Payloads[i];
            var response = await visitor.PostAsync(new CommentPost(articleId, $"{payload} #{i}", payload.Length <= 100 ? payload : "Hostile", $"hostile{i}@example.org")
            {
                Website = i % 3 == 0 ? payload : null,
            });
            var status = (int)response.StatusCode;
            Assert.True(status is 303 or (>= 400 and < 500), $"payload {i} answered {status}");
            if (status == 303)
            {
                var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(CommentText.Normalize($"{payload} #{i}"), (await CommentData.CommentAsync(Server, id)).Body);
                stored.Add((id, payload));
            }
            else
            {
                AssertInert(Html.Parse(await response.Content.ReadAsStringAsync()));
            }
        }
        Assert.True(stored.Count >= Payloads.Length - 6, "most payloads are ordinary text to Herald and are stored");
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, [.. stored.Select(s => s.Id)]);

        using var client = Server.CreateClient();
        var (_, page) = await client.GetPageAsync(url);
        foreach (var (id, _) in stored)
        {
            Assert.NotNull(page.QuerySelector($"#comment-{id}"));
        }
        AssertInert(page);
        await using var scope = Server.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Comments.AnyAsync());
    }

    [SkippableFact]
    public async Task Huge_bodies_many_links_nul_bytes_and_broken_utf8_get_a_4xx_or_stay_inert()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 43);
        var stamp = await CommentData.StampAsync(Server, TimeSpan.FromSeconds(30));
        var common = $"Form.ArticleId={articleId}&Form.Name=Hostile&Form.Email=hostile%40example.org&Form.Started={Uri.EscapeDataString(stamp)}&Form.Body=";
        var cases = new Dictionary<string, byte[]>
        {
            ["1 MB body"] = Encoding.ASCII.GetBytes(common + new string('a', 1024 * 1024)),
            ["10,000 links"] = Encoding.ASCII.GetBytes(common + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("http://a.io ", 10_000)))),
            ["5,001 characters"] = Encoding.ASCII.GetBytes(common + new string('b', 5001)),
            ["nul byte"] = Encoding.ASCII.GetBytes(common + "before%00after"),
            ["invalid UTF-8"] = [.. Encoding.ASCII.GetBytes(common + "bad"), .. "%FF%FE%C3%28"u8.ToArray()],
            ["raw invalid UTF-8"] = [.. Encoding.ASCII.GetBytes(common + "raw"), 0xFF, 0xFE, 0xC3, 0x28],
        };
        foreach (var (name, body) in cases)
        {
            using var visitor = Visitor.Create(Server);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Headers.Add("Origin", Server.Address.GetLeftPart(UriPartial.Authority));
            var response = await visitor.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status is 303 or (>= 400 and < 500), $"{name} answered {status}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Exception", text);
            Assert.DoesNotContain("   at ", text);
            if (status == 303)
            {
                var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
                var comment = await CommentData.CommentAsync(Server, id);
                Assert.DoesNotContain('\0', comment.Body);
            }
        }
    }

    /// <summary>No script, frame, handler attribute or javascript: link came from a comment.</summary>
    public static void AssertInert(AngleSharp.Dom.IDocument page)
    {
        var scopes = page.QuerySelectorAll(".comments, .comment-problem-page");
        Assert.True(scopes.Length > 0, "the page shows no comments and no comment form to check");
        foreach (var scope in scopes)
        {
            Assert.Empty(scope.QuerySelectorAll("script:not([src^='/js/comments.js?v=']), iframe, svg, math, style, body"));
            Assert.All(scope.QuerySelectorAll("img"), img => Assert.Equal("avatar", img.ClassName));
            foreach (var element in scope.QuerySelectorAll("*"))
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                var href = element.GetAttribute("href") ?? "";
                Assert.False(href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), href);
            }
        }
    }
}

public sealed class SqliteHostileCommentTests(SqliteCommentSiteFixture fixture) : HostileCommentTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresHostileCommentTests(PostgresCommentSiteFixture fixture) : HostileCommentTests(fixture), IClassFixture<PostgresCommentSiteFixture>;