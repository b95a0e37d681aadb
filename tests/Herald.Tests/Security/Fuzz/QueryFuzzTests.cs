using System.Text.Json;
using Herald.Discovery.Search;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// The two query-string parsers Herald owns — the site search and the WordPress API's parameters —
/// with generated hostile values: random text, numbers no integer holds, broken UTF-8 and NUL,
/// lists of thousands, strings just over each limit. Search answers its page (200 or a 400 that
/// says why); the API answers 200 or a WordPress-shaped 400 naming the parameter; never a 500.
/// </summary>
public sealed class QueryFuzzTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public void The_search_parser_bounds_any_text_in_its_tokens()
    {
        var random = new Random(HostileText.Seed);
        var texts = Enumerable.Range(0, 200).Select(i => HostileText.RandomText(random, random.Next(0, 2000)))
            .Append(new string('"', 100_000))
            .Append(HostileText.Repeat("a ", 100_000))
            .Append(HostileText.Repeat("\u0301", 100_000))
            .Append(new string('x', 1_000_000));
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            SearchQuery? query = null;
            var cost = CpuTime.Of(() => query = SearchQuery.Parse(text));
            Assert.True(cost < TimeSpan.FromSeconds(5), $"case {i}: {cost.TotalSeconds:0.0} s of CPU");
            Assert.True(query!.Words.Count + query.Phrases.Sum(p => p.Count) <= SearchQuery.MaxTokens, $"case {i}");
            Assert.All(query.Words.Concat(query.Phrases.SelectMany(p => p)), token => Assert.True(token.Length is > 0 and <= 60 && token.All(char.IsLetterOrDigit), $"case {i}: \"{token}\""));
        }
    }

    [SkippableFact]
    public async Task Search_answers_hostile_queries_with_its_page_or_a_reason()
    {
        using var client = Server.CreateClient();
        var random = new Random(HostileText.Seed);
        var queries = new List<(string Name, string Query)>
        {
            ("one over the length limit", "q=" + new string('w', SearchQuery.MaxLength + 1)),
            ("4,000 characters", "q=" + HostileText.Repeat("ab%20", 800)),
            ("NUL", "q=a%00b"),
            ("broken UTF-8", "q=%FF%FE%C3%28"),
            ("broken percent-encoding", "q=100%ZZ"),
            ("only operators", "q=" + Uri.EscapeDataString("\" * - NEAR( ) AND OR NOT : ^ ~")),
            ("SQL", "q=" + Uri.EscapeDataString("') OR 1=1; DROP TABLE \"Articles\"; --")),
            ("page beyond any", "q=harbour&page=99999999999999999999"),
            ("page zero", "q=harbour&page=0"),
            ("dates backwards and broken", "q=harbour&from=2030-01-01&to=1999-13-45"),
            ("section and author too long", "q=harbour&category=" + new string('c', 500) + "&author=" + new string('a', 500)),
            ("the parameter a thousand times", string.Join('&', Enumerable.Repeat("q=a", 1000))),
        };
        for (var i = 0; i < 20; i++)
        {
            queries.Add(($"random text, seed {HostileText.Seed} case {i}", "q=" + Uri.EscapeDataString(HostileText.Sendable(HostileText.RandomText(random, random.Next(1, 600))))));
        }
        foreach (var number in HostileText.Numbers)
        {
            queries.Add(($"page \"{number}\"", "q=harbour&page=" + Uri.EscapeDataString(number)));
        }
        foreach (var (name, query) in queries)
        {
            var (response, body) = await HttpFuzz.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/search?" + query), name);
            Assert.True((int)response.StatusCode is 200 or 400 or 404 or 414, $"{name}: {(int)response.StatusCode}");
            if ((int)response.StatusCode == 400)
            {
                // The search page with its problems, or Herald's page for a request it cannot read.
                var page = Html.Parse(body);
                Assert.True(page.QuerySelector(".search-problems p, .error-page h1") is not null, $"{name}: a 400 without a reason");
            }
        }
    }

    [SkippableFact]
    public async Task The_wordpress_api_answers_hostile_parameters_with_200_or_a_400_naming_them()
    {
        using var client = Server.CreateClient();
        var random = new Random(HostileText.Seed);
        var values = HostileText.Numbers.Select(Uri.EscapeDataString).Concat(
        [
            new string('s', 201), new string('s', 10_000), "%FF%FE", "%00", "a%00b",
            string.Join(',', Enumerable.Range(1, 1000)), "1,,2,,", ",", "-1", "desc;DROP", "%22%27%3C%3E",
            Uri.EscapeDataString(HostileText.Sendable(HostileText.RandomText(random, 300))),
        ]).ToList();
        string[] parameters = ["per_page", "page", "offset", "search", "orderby", "order", "include", "exclude", "slug", "categories", "tags", "author", "after", "before", "modified_after", "parent", "post", "status", "context", "_fields", "sticky", "hide_empty", "type", "subtype"];
        var requests = new List<string>();
        foreach (var parameter in parameters)
        {
            requests.AddRange(values.Select(v => $"/wp-json/wp/v2/posts?{parameter}={v}"));
            requests.Add($"/wp-json/wp/v2/posts?{parameter}[]=1&{parameter}[][]=2&{parameter}[x]=3");
            requests.Add($"/wp-json/wp/v2/posts?" + string.Join('&', Enumerable.Repeat($"{parameter}[]=1", 1000)));
        }
        foreach (var endpoint in new[] { "pages", "comments", "media", "tags", "categories", "users", "search", "posts/1", "posts/99999999999999999999", "posts/-1", "posts/%FF" })
        {
            requests.AddRange(new[] { "per_page=0", "per_page=101", "page=99999999999999999999", "search=" + new string('s', 10_000), "include=a,b", "orderby=nonsense", "slug=%FF" }
                .Select(q => $"/wp-json/wp/v2/{endpoint}?{q}"));
        }
        foreach (var path in requests)
        {
            var name = path.Length > 120 ? path[..120] + "…" : path;
            var (response, body) = await HttpFuzz.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path), name);
            var status = (int)response.StatusCode;
            Assert.True(status is 200 or 400 or 404 or 414, $"{name}: {status}");
            if (status is 400 or 404 && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var error = JsonDocument.Parse(body).RootElement;
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), name);
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), name);
            }
            else if (status == 200)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.True(requests.Count > 600, $"only {requests.Count} requests");
    }
}