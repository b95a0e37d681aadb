using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Hosting.MultiNode;

/// <summary>
/// Two Herald processes share one site (<see cref="TwoNodeSite"/>): what one node makes — a
/// sign-in, a form, a picture, a setting, a publish, a count of comments or failed sign-ins — is
/// good on the other, and scheduled articles go out once between them.
/// </summary>
[Trait("Tier", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class MultiNodeTests(TwoNodeSite fixture) : IClassFixture<TwoNodeSite>
{
    [SkippableFact]
    public async Task A_sign_in_through_one_node_edits_and_saves_through_the_other()
    {
        var site = fixture.Require();
        var (onA, onB) = await site.SignInAsync();
        using var _ = onA;
        using var __ = onB;
        Assert.Equal(HttpStatusCode.OK, (await onB.Client.GetAsync("/newsroom")).StatusCode);
        var id = await onB.WriteAsync("Written through node B", "The first draft.");

        // The editor form, and its anti-forgery token, come from A; the save goes to B.
        var (_, form) = await onA.Client.GetPageAsync($"/newsroom/articles/edit/{id}");
        var fields = TwoNodeSite.FieldsOf(form, "form.editor");
        fields["Form.Headline"] = "Edited on A, saved through B";
        fields["action"] = "save";
        var saved = await onB.Client.PostAsync($"/newsroom/articles/edit/{id}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Edited on A, saved through B", await site.ScalarAsync<string>("""SELECT "Headline" FROM "Articles" WHERE "Id" = @id""", ("id", id)));
    }

    [SkippableFact]
    public async Task A_picture_uploaded_through_one_node_and_its_renditions_load_from_the_other()
    {
        var site = fixture.Require();
        var (onA, onB) = await site.SignInAsync();
        using var _ = onA;
        using var __ = onB;
        var upload = await MediaTests.UploadAsync(onA, MediaTests.Png(1800, 900), "two-nodes.png", "Two harbours");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var srcset = await site.ScalarAsync<string>("""SELECT "Srcset" FROM "MediaItems" WHERE "OriginalName" = 'two-nodes.png'""");
        var sources = srcset.Split(", ").Select(s => s.Split(' ')[0]).ToList();
        Assert.True(sources.Count >= 4, srcset);
        using var fromA = new HttpClient { BaseAddress = site.A.Address };
        using var fromB = new HttpClient { BaseAddress = site.B.Address };
        foreach (var source in sources)
        {
            using var onNodeB = await fromB.GetAsync(source);
            using var onNodeA = await fromA.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, onNodeB.StatusCode);
            Assert.Equal("image/png", onNodeB.Content.Headers.ContentType!.MediaType);
            Assert.Equal(await onNodeA.Content.ReadAsByteArrayAsync(), await onNodeB.Content.ReadAsByteArrayAsync());
            Assert.Equal(onNodeA.Headers.ETag, onNodeB.Headers.ETag);
        }
        // Made once, at upload: one stored file per width, not one per node.
        Assert.Equal((long)sources.Count, await site.ScalarAsync<long>(
            """SELECT count(*) FROM "MediaFiles" WHERE "Path" LIKE '%two-nodes-%'"""));
    }

    [SkippableFact]
    public async Task A_comment_form_served_by_one_node_is_accepted_by_the_other_which_remembers_the_commenter_for_both()
    {
        var site = fixture.Require();
        var cookies = new CookieContainer();
        using var onA = TwoNodeSite.Reader(site.A.Address, IPAddress.Parse("127.4.0.1"), cookies);
        using var onB = TwoNodeSite.Reader(site.B.Address, IPAddress.Parse("127.4.0.1"), cookies);
        var (articleId, url) = await ArticleAsync(onA, 3);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync(url)).StatusCode);
        var state = await StateAsync(onA, articleId);
        await Task.Delay(TimeSpan.FromSeconds(3.2)); // a person takes longer than the three-second minimum

        var posted = await PostCommentAsync(onB, site.B.Address, articleId, state, "Posted to B from a form A served.", "Two Node Reader", remember: true);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        // B set the remembered-commenter cookie (Data Protection); A reads it, and finds the comment awaiting by the token's cookie.
        var after = await StateAsync(onA, articleId);
        Assert.Equal("Two Node Reader", after.GetProperty("remembered").GetProperty("name").GetString());
        Assert.Contains(after.GetProperty("awaiting").EnumerateArray(), c => c.GetProperty("authorName").GetString() == "Two Node Reader");
    }

    [SkippableFact]
    public async Task The_comment_rate_limit_counts_a_clients_posts_on_both_nodes()
    {
        var site = fixture.Require();
        using var reader = TwoNodeSite.Reader(site.Nginx.Address, IPAddress.Parse("127.4.0.2"));
        var (articleId, _) = await ArticleAsync(reader, 4);
        var state = await StateAsync(reader, articleId);
        await Task.Delay(TimeSpan.FromSeconds(3.2));

        var answers = new List<(HttpStatusCode Status, string Upstream)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await PostCommentAsync(reader, site.Nginx.Address, articleId, state, $"Busy reader's comment number {i} on the ferry timetable.", $"Busy Reader {i}");
            answers.Add((response.StatusCode, string.Join(",", response.Headers.GetValues("X-Herald-Upstream"))));
        }

        // Five a minute per client (the default), counted together by both nodes nginx alternates between.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.SeeOther, 5).Append(HttpStatusCode.TooManyRequests), answers.Select(a => a.Status));
        Assert.Contains(answers.Take(5), a => a.Upstream.EndsWith($":{site.A.Address.Port}", StringComparison.Ordinal));
        Assert.Contains(answers.Take(5), a => a.Upstream.EndsWith($":{site.B.Address.Port}", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Failed_sign_ins_on_both_nodes_count_together()
    {
        var site = fixture.Require();
        var cookies = new CookieContainer();
        using var onA = NewsroomSession.At(site.A.Address, cookies);
        using var onB = NewsroomSession.At(site.B.Address, cookies);
        var (_, form) = await onA.Client.GetPageAsync("/newsroom/login");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // Five failures per account are free, then each waits (2 s, doubling): three on each node
        // would pass unnoticed on either alone.
        for (var i = 0; i < 6; i++)
        {
            var failed = await (i % 2 == 0 ? onA : onB).PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "guessed@example.org", ["Form.Password"] = $"guess number {i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        var waiting = await onA.Client.PostAsync("/newsroom/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = "guessed@example.org",
            ["Form.Password"] = "guess number 7",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
    }

    [SkippableFact]
    public async Task An_article_published_on_one_node_is_on_the_others_cached_home_page_at_once()
    {
        var site = fixture.Require();
        var (onA, onB) = await site.SignInAsync();
        using var _ = onA;
        using var __ = onB;
        using var readerOfA = new HttpClient { BaseAddress = site.A.Address };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await readerOfA.GetAsync("/")).StatusCode); // rendered, then from the cache
        }

        await onB.WriteAsync("Breaking news published through node B", "It went out on B.", action: "publish");

        Assert.Contains("Breaking news published through node B", await readerOfA.GetStringAsync("/"));
    }

    [SkippableFact]
    public async Task A_tagline_changed_on_one_node_shows_on_the_other_within_a_second_and_no_stale_page_is_kept()
    {
        var site = fixture.Require();
        var (onA, onB) = await site.SignInAsync();
        using var _ = onA;
        using var __ = onB;
        using var readerOfB = new HttpClient { BaseAddress = site.B.Address };
        using var readerOfA = new HttpClient { BaseAddress = site.A.Address };
        using var throughNginx = new HttpClient { BaseAddress = site.Nginx.Address };
        foreach (var reader in new[] { readerOfA, readerOfB, readerOfB })
        {
            await reader.GetStringAsync("/"); // B's settings and home page are in its memory and the cache
        }
        var tagline = $"Tagline of {Guid.NewGuid():N}";
        var (_, page) = await onA.Client.GetPageAsync("/newsroom/settings");
        var fields = TwoNodeSite.FieldsOf(page, "form.panel");
        fields["Form.Tagline"] = tagline;

        var saved = await onA.Client.PostAsync("/newsroom/settings", new FormUrlEncodedContent(fields));
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        while (!(await readerOfB.GetStringAsync("/")).Contains(tagline, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "B's home page did not show the new tagline within 5 s");
            await Task.Delay(50);
        }
        var shownAfter = clock.Elapsed;
        Assert.True(shownAfter <= TimeSpan.FromSeconds(1), $"B showed the new tagline after {shownAfter.TotalMilliseconds:0} ms");

        // Whatever either node rendered meanwhile, nothing older than the change stays cached.
        var stale = new List<string>();
        while (clock.Elapsed < shownAfter + TimeSpan.FromSeconds(5))
        {
            foreach (var (name, reader) in new[] { ("A", readerOfA), ("B", readerOfB), ("nginx", throughNginx) })
            {
                if (!(await reader.GetStringAsync("/")).Contains(tagline, StringComparison.Ordinal))
                {
                    stale.Add($"{name} at {clock.ElapsedMilliseconds} ms");
                }
            }
        }
        Assert.Empty(stale);
    }

    [SkippableFact]
    public async Task Scheduled_articles_are_published_once_by_two_nodes()
    {
        var site = fixture.Require();
        var due = DateTime.UtcNow.AddSeconds(2);
        var slugs = Enumerable.Range(0, 5).Select(i => $"due-on-two-nodes-{i}-{Guid.NewGuid():N}"[..40]).ToList();
        await using (var db = new Herald.Storage.PostgresHeraldDbContext(
            new DbContextOptionsBuilder<Herald.Storage.PostgresHeraldDbContext>().UseNpgsql(site.ConnectionString).Options))
        {
            db.Articles.AddRange(slugs.Select(slug => new Herald.Articles.Article
            {
                Slug = slug,
                Headline = "Due on two nodes",
                BodySource = "Due.",
                Status = Herald.Articles.ArticleStatus.Scheduled,
                PublishedAt = due,
                CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        // Each node's scheduler wakes within its poll interval (20 s) and tries them.
        var clock = Stopwatch.StartNew();
        while (await site.ScalarAsync<long>("""SELECT count(*) FROM "Articles" WHERE "Slug" = ANY(@slugs) AND "Status" = 'Published'""", ("slugs", slugs.ToArray())) < slugs.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "the scheduled articles were not published within 90 s");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // a late second publish would have happened by now
        Assert.Equal((long)slugs.Count, await site.ScalarAsync<long>("""
            SELECT count(*) FROM "ArticleRevisions" r JOIN "Articles" a ON a."Id" = r."ArticleId"
            WHERE a."Slug" = ANY(@slugs) AND r."Note" = 'Published on schedule'
            """, ("slugs", slugs.ToArray())));
    }

    public static async Task<(int Id, string Url)> ArticleAsync(HttpClient reader, int position)
    {
        var (_, home) = await reader.GetPageAsync("/");
        var url = home.ArticleLinks()[position];
        var (_, article) = await reader.GetPageAsync(url);
        var id = article.QuerySelector("input[name='Form.ArticleId']")!.GetAttribute("value")!;
        return (int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), url);
    }

    public static async Task<JsonElement> StateAsync(HttpClient reader, int articleId)
    {
        var json = await reader.GetStringAsync($"/comments/state?article={articleId}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostCommentAsync(HttpClient reader, Uri origin, int articleId, JsonElement state, string body, string name, bool remember = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Body"] = body,
            ["Form.Name"] = name,
            ["Form.Email"] = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org",
            ["Form.Website"] = "",
            ["Form.Homepage"] = "",
            ["Form.ArticleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ParentId"] = "",
            ["Form.Started"] = state.GetProperty("started").GetString()!,
            ["Form.Token"] = state.GetProperty("token").GetString()!,
        };
        if (remember)
        {
            fields["Form.Remember"] = "true";
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", origin.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return reader.SendAsync(request);
    }
}