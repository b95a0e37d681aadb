using System.Net;
using System.Text.Json;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Comments;

/// <summary>Robots, floods, repeats and forged posts, each stopped without any third-party service.</summary>
public abstract class SpamDefenceTests(SiteFixture fixture)
{
    private const string Typed = "A perfectly ordinary comment about the ferry timetable.";

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task A_filled_honeypot_goes_quietly_to_spam()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 20);
        using var robot = Visitor.Create(Server);
        var response = await robot.PostAsync(new CommentPost(articleId, Typed, "Bot", "bot@example.org") { Homepage = "https://spam.example.net" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await CommentData.CommentAsync(Server, id);
        Assert.Equal(ModerationStatus.Spam, stored.Status);
        Assert.Equal("honeypot", stored.StatusReason);
    }

    [SkippableTheory]
    [InlineData(0, "faster than a person can type")]
    [InlineData(-1, "could not be verified")]
    [InlineData(3 * 24 * 3600, "expired")]
    public async Task A_form_sent_too_fast_forged_or_stale_comes_back_with_the_text_kept(int ageSeconds, string message)
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 20);
        using var visitor = Visitor.Create(Server);
        var stamp = ageSeconds < 0 ? "1700000000.0123456789abcdef0123456789abcdef" : await CommentData.StampAsync(Server, TimeSpan.FromSeconds(ageSeconds));
        var response = await visitor.PostAsync(new CommentPost(articleId, Typed, "Quick", "quick@example.org") { Started = stamp });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("#form-problem")!.TextContent);
        Assert.Equal(Typed, page.QuerySelector("#comment")!.TextContent);
        Assert.Equal("quick@example.org", page.QuerySelector("#email")!.GetAttribute("value"));
        // The form that comes back has a fresh stamp, so waiting a moment and sending again works.
        var fresh = page.QuerySelector("#comment-started")!.GetAttribute("value")!;
        Assert.Matches(@"^\d+\.[0-9a-f]{32}$", fresh);
        Assert.True(ageSeconds == 0 || fresh != stamp);
    }

    [SkippableFact]
    public async Task The_same_comment_twice_is_refused_as_a_duplicate()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 21);
        using var visitor = Visitor.Create(Server);
        await visitor.PostAcceptedAsync(new CommentPost(articleId, Typed, "Echo", "echo@example.org"));
        var again = await visitor.PostAsync(new CommentPost(articleId, Typed + "\r\n", "Echo", "echo@example.org"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already posted this comment", await again.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_same_comment_sent_at_once_from_several_addresses_is_stored_once()
    {
        // Posts arriving together pass the database check together and may share one group commit:
        // the commit must refuse the repeats among themselves, by the same rule (same e-mail here).
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 23);
        const string Words = "Posted from the phone and the laptop at the same moment, by accident.";
        var visitors = Enumerable.Range(0, 6).Select(_ => Visitor.Create(Server)).ToList();
        try
        {
            var answers = await Task.WhenAll(visitors.Select(v => v.PostAsync(new CommentPost(articleId, Words, "Twice", "twice@example.org"))));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.SeeOther));
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.SeeOther), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
            await using var scope = Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            Assert.Equal(1, await db.Comments.CountAsync(c => c.ArticleId == articleId && c.Body == Words));
        }
        finally
        {
            visitors.ForEach(v => v.Dispose());
        }
    }

    [SkippableFact]
    public async Task Posting_faster_than_the_rate_limit_gets_a_clear_429_page()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 22);
        using var flooder = Visitor.Create(Server);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var response = await flooder.PostAsync(new CommentPost(articleId, $"Flood number {i}", "Flood", "flood@example.org"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var page = Html.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal("Too many requests", page.QuerySelector(".error-page h1")!.TextContent);
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.SeeOther));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Another address is not held back by this one's flood.
        using var neighbour = Visitor.Create(Server);
        Assert.Equal(HttpStatusCode.SeeOther, (await neighbour.PostAsync(new CommentPost(articleId, "Unrelated", "Calm", "calm@example.org"))).StatusCode);
    }

    [SkippableFact]
    public async Task The_classifier_learns_from_moderators_and_then_catches_spam_on_its_own()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 24);
        var corpus = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Comments", "Corpus", "comments.tsv"))
            .Select(l => l.Split('\t')).ToList();
        var taught = new Dictionary<ModerationAction, List<int>> { [ModerationAction.Spam] = [], [ModerationAction.Approve] = [] };
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Herald.Storage.HeraldDbContext>();
            foreach (var row in corpus.Where(r => r[0] == "spam").Take(25).Concat(corpus.Where(r => r[0] == "ham").Take(25)))
            {
                var comment = new Comment
                {
                    ArticleId = articleId,
                    AuthorName = row[1],
                    AuthorEmail = "pending@example.org",
                    AuthorUrl = row[2].Length > 0 ? row[2] : null,
                    Body = row[3],
                    CreatedAt = DateTime.UtcNow,
                    StatusReason = "first comment",
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                taught[row[0] == "spam" ? ModerationAction.Spam : ModerationAction.Approve].Add(comment.Id);
            }
        }
        // The moderators' decisions, through the same service the queue's buttons call.
        await CommentData.ModerateAsync(Server, ModerationAction.Spam, [.. taught[ModerationAction.Spam]]);
        await CommentData.ModerateAsync(Server, ModerationAction.Approve, [.. taught[ModerationAction.Approve]]);

        using var visitor = Visitor.Create(Server);
        var email = await CommentData.TrustedEmailAsync(visitor, articleId, "regular@example.org");
        var spamId = await visitor.PostAcceptedAsync(new CommentPost(articleId,
            "Cheap viagra and casino bonus, free spins, no prescription, order now at http://pills.example.biz", "Best Pharmacy", email));
        var hamId = await visitor.PostAcceptedAsync(new CommentPost(articleId,
            "The council should publish the engineering report before the vote on the harbour barrier.", "Trusted Reader", email));

        var spam = await CommentData.CommentAsync(Server, spamId);
        Assert.Equal(ModerationStatus.Spam, spam.Status);
        Assert.Matches(@"^classifier 0\.9\d$|^classifier 1\.00$", spam.StatusReason);
        Assert.Equal(ModerationStatus.Approved, (await CommentData.CommentAsync(Server, hamId)).Status);
    }

    [SkippableTheory]
    [InlineData("https://evil.example.net", null)]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task A_post_from_another_site_is_refused(string? origin, string? fetchSite)
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 23);
        using var visitor = Visitor.Create(Server);
        var fields = await new CommentPost(articleId, Typed, "Forger", "forger@example.org").ToFieldsAsync(Server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        var response = await visitor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-page"));
    }

    [SkippableFact]
    public async Task Without_origin_headers_only_the_token_bound_to_the_visitor_cookie_is_accepted()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 23);
        using var visitor = Visitor.Create(Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.PostAsync(new CommentPost(articleId, Typed, "Bare", "bare@example.org"), sameOriginHeaders: false)).StatusCode);

        var state = JsonDocument.Parse(await visitor.Client.GetStringAsync($"/comments/state?article={articleId}")).RootElement;
        var token = state.GetProperty("token").GetString();
        using var thief = Visitor.Create(Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await thief.PostAsync(new CommentPost(articleId, Typed, "Thief", "thief@example.org") { Token = token }, sameOriginHeaders: false)).StatusCode);
        var own = await visitor.PostAsync(new CommentPost(articleId, Typed, "Bare", "bare@example.org") { Token = token }, sameOriginHeaders: false);
        Assert.Equal(HttpStatusCode.SeeOther, own.StatusCode);
    }
}

public sealed class SqliteSpamDefenceTests(SqliteCommentSiteFixture fixture) : SpamDefenceTests(fixture), IClassFixture<SqliteCommentSiteFixture>;

public sealed class PostgresSpamDefenceTests(PostgresCommentSiteFixture fixture) : SpamDefenceTests(fixture), IClassFixture<PostgresCommentSiteFixture>;