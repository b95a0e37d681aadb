using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting.MultiNode;

/// <summary>
/// A node is killed (SIGKILL) while readers and commenters load the site through nginx. nginx
/// passes an idempotent request the dead node failed to the other node, so only requests the
/// killed node was answering at that moment may fail (a comment post nginx must not send twice),
/// and every comment the site acknowledged is in the database afterwards.
/// </summary>
[Trait("Tier", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class NodeFailureTests(TwoNodeSite fixture) : IClassFixture<TwoNodeSite>
{
    private const int Readers = 6;
    private const int Commenters = 8;
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(10);

    private sealed record Exchange(string What, TimeSpan Start, TimeSpan End, int Status, string Upstream, string? Error);

    [SkippableFact]
    public async Task Killing_a_node_under_load_fails_only_what_it_was_answering_and_loses_no_acknowledged_comment()
    {
        var site = fixture.Require();
        using var browse = TwoNodeSite.Reader(site.Nginx.Address, IPAddress.Loopback);
        var (_, home) = await browse.GetPageAsync("/");
        var articles = home.ArticleLinks().Take(5).ToList();
        var articleIds = new List<int>();
        for (var i = 0; i < articles.Count; i++)
        {
            articleIds.Add((await MultiNodeTests.ArticleAsync(browse, i)).Id);
        }

        var exchanges = new ConcurrentBag<Exchange>();
        var acknowledged = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task<HttpResponseMessage?> Record(string what, Func<Task<HttpResponseMessage>> send)
        {
            var start = clock.Elapsed;
            try
            {
                var response = await send();
                var upstream = response.Headers.TryGetValues("X-Herald-Upstream", out var values) ? string.Join(",", values) : "";
                try
                {
                    // The body is read here, after the headers: a node killed halfway through a
                    // body fails the request, and only its headers say which node that was.
                    await response.Content.LoadIntoBufferAsync();
                }
                catch (HttpRequestException e)
                {
                    response.Dispose();
                    exchanges.Add(new Exchange(what, start, clock.Elapsed, 0, upstream, e.Message));
                    return null;
                }
                exchanges.Add(new Exchange(what, start, clock.Elapsed, (int)response.StatusCode, upstream, null));
                return response;
            }
            catch (HttpRequestException e)
            {
                exchanges.Add(new Exchange(what, start, clock.Elapsed, 0, "", e.Message));
                return null;
            }
        }

        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            using var client = TwoNodeSite.Reader(site.Nginx.Address, IPAddress.Parse($"127.5.{r}.1"));
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var path = (n % 3) switch { 0 => "/", 1 => articles[(r + n) % articles.Count], _ => "/feed" };
                using var response = await Record($"GET {path}", () => client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead));
                if (response is not null)
                {
                    await response.Content.ReadAsByteArrayAsync();
                }
            }
        })).ToList();

        var commenters = Enumerable.Range(0, Commenters).Select(c => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // A reader of their own each time, at their own address: the rate limit is per client.
                using var client = TwoNodeSite.Reader(site.Nginx.Address, IPAddress.Parse($"127.6.{c}.{n + 1}"));
                var articleId = articleIds[(c + n) % articleIds.Count];
                using var state = await Record("GET /comments/state", () => client.GetAsync($"/comments/state?article={articleId}", HttpCompletionOption.ResponseHeadersRead));
                if (state?.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
                var fields = System.Text.Json.JsonDocument.Parse(await state.Content.ReadAsStringAsync()).RootElement.Clone();
                await Task.Delay(TimeSpan.FromSeconds(3.1));
                var marker = $"load-{c}-{n}-{Guid.NewGuid():N}";
                using var posted = await Record("POST /comments", () => MultiNodeTests.PostCommentAsync(client, site.Nginx.Address, articleId, fields,
                    $"Comment {marker}: the night bus now stops at the harbour.", $"Loaded Reader {c} {n}"));
                if (posted?.StatusCode == HttpStatusCode.SeeOther)
                {
                    acknowledged.Add(marker);
                }
            }
        })).ToList();

        await Task.Delay(BeforeKill);
        var killedAt = clock.Elapsed;
        await site.B.KillAsync();
        var killDone = clock.Elapsed;
        await Task.Delay(AfterKill);
        await stop.CancelAsync();
        await Task.WhenAll(readers.Concat(commenters));

        var all = exchanges.ToList();
        var killedNode = $"127.0.0.1:{site.B.Address.Port}";
        bool Succeeded(Exchange e) => e.Status is 200 or 303;
        var failures = all.Where(e => !Succeeded(e)).ToList();
        // Failing is allowed only to a request B held when it died: begun before, ended after, tried on B last.
        var unexplained = failures.Where(e => !(e.Start < killDone && e.End > killedAt && e.Upstream.EndsWith(killedNode, StringComparison.Ordinal))).ToList();
        // A node's own errors say why it failed a request; its log's tail goes with the failure.
        Assert.True(unexplained.Count == 0, "Requests failed that the killed node was not answering:\n" + string.Join("\n", unexplained.Take(20))
            + $"\n--- node A ({site.A.Address}):\n{Tail(site.A.Output)}\n--- node B ({site.B.Address}):\n{Tail(site.B.Output)}");
        Assert.True(all.Count(e => e.End < killedAt && e.Upstream.EndsWith(killedNode, StringComparison.Ordinal) && Succeeded(e)) > 0,
            "nginx sent nothing to node B before it was killed, so the test proved nothing about losing it");
        Assert.Contains(all, e => e.Start > killDone && e.What == "POST /comments" && Succeeded(e));
        Assert.True(site.A.Running, "node A stopped too:\n" + site.A.Output);

        var markers = acknowledged.ToList();
        Assert.True(markers.Count >= 10, $"only {markers.Count} comments were acknowledged under load");
        var stored = new HashSet<string>();
        await using (var connection = await site.OpenDatabaseAsync())
        {
            await using var query = new Npgsql.NpgsqlCommand("""SELECT "Body" FROM "Comments" WHERE "Body" LIKE 'Comment load-%'""", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0).Split(':')[0]["Comment ".Length..]);
            }
        }
        var missing = markers.Where(m => !stored.Contains(m)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged comments are not in the database: {string.Join(", ", missing)}");
        Console.WriteLine($"{all.Count} requests, {failures.Count} failed (all in flight on the killed node), {markers.Count} comments acknowledged and stored, {stored.Count} stored in all.");
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];
}