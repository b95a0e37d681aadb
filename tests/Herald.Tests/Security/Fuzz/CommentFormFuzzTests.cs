using System.Net;
using System.Text;
using Herald.Comments;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// The "Leave a Reply" form with generated hostile fields: each field just over its limit, random
/// text with controls and lone surrogates, broken UTF-8, numbers no id holds, a forged stamp, a
/// megabyte of body. Every post is stored (303) or refused with a 4xx page that says why and gives
/// the text back as far as it fits, never a 500 or a trace.
/// </summary>
public sealed class CommentFormFuzzTests(SqliteCommentSiteFixture fixture) : IClassFixture<SqliteCommentSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Hostile_fields_are_stored_or_refused_with_the_words_given_back()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 30);
        var random = new Random(HostileText.Seed);
        var cases = new List<(string Name, Dictionary<string, string> Fields)>();
        Dictionary<string, string> Post(string body, string name = "Fuzz Reader", string email = "fuzz@example.org", string website = "") => new()
        {
            ["Form.ArticleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Body"] = body,
            ["Form.Name"] = name,
            ["Form.Email"] = email,
            ["Form.Website"] = website,
        };
        cases.Add(("body one over the limit", Post(new string('b', 5_001))));
        cases.Add(("body at the hard ceiling", Post(new string('c', CommentLimits.BodyCeiling + 1))));
        cases.Add(("name one over", Post("Fine.", name: new string('n', CommentLimits.Name + 1))));
        cases.Add(("e-mail one over", Post("Fine.", email: new string('e', CommentLimits.Email - 11) + "@example.org")));
        cases.Add(("website one over", Post("Fine.", website: "https://example.org/" + new string('w', CommentLimits.Url))));
        for (var i = 0; i < 12; i++)
        {
            // NUL is left out here: Herald drops it from every form (FormNulTests), so the words shown back would differ.
            // So are C1 controls (U+0080–U+009F): HTML reads their character references as Windows-1252
            // (&#x99; is "™"), so no page can hand them back to a browser unchanged; the form refuses them.
            var text = new string([.. HostileText.Sendable(HostileText.RandomText(random, random.Next(1, 3000))).Where(c => c is < '\u0080' or > '\u009F')]);
            cases.Add(($"random body, seed {HostileText.Seed} case {i}", Post(text)));
            cases.Add(($"random name, seed {HostileText.Seed} case {i}", Post("Fine words.", name: text[..Math.Min(text.Length, 120)])));
        }
        foreach (var number in HostileText.Numbers.Where(n => !n.Contains('\0', StringComparison.Ordinal)))
        {
            var article = Post("Fine words.");
            article["Form.ArticleId"] = number;
            cases.Add(($"article id \"{number}\"", article));
            var parent = Post("Fine words.");
            parent["Form.ParentId"] = number;
            cases.Add(($"parent id \"{number}\"", parent));
        }
        var forged = Post("Fine words.");
        forged["Form.Started"] = HostileText.Sendable(HostileText.RandomText(random, 400));
        cases.Add(("forged stamp", forged));

        foreach (var (name, fields) in cases)
        {
            using var visitor = Visitor.Create(Server);
            var stamped = new Dictionary<string, string>(fields);
            stamped.TryAdd("Form.Started", await CommentData.StampAsync(Server, TimeSpan.FromSeconds(30)));
            var (response, body) = await HttpFuzz.SendAsync(visitor.Client, SameOrigin(new FormUrlEncodedContent(stamped)), name);
            if (response.StatusCode == HttpStatusCode.SeeOther)
            {
                continue;
            }
            Assert.InRange((int)response.StatusCode, 400, 499);
            var page = Html.Parse(body);
            Assert.True(page.QuerySelector(".form-problem, .field-error, .error-page h1") is not null, $"{name}: no reason given");
            if (page.QuerySelector("textarea#comment") is { } textarea && response.StatusCode != HttpStatusCode.Forbidden)
            {
                // The words come back: all of them, or as many as the form takes.
                // Razor writes a carriage return as &#xD;, so the text comes back exactly, CRs and all.
                var typed = fields["Form.Body"].TrimStart('\n');
                var shown = textarea.TextContent.TrimStart('\n');
                var differ = Enumerable.Range(0, Math.Min(typed.Length, shown.Length)).FirstOrDefault(i => typed[i] != shown[i], -1);
                Assert.True(typed.StartsWith(shown, StringComparison.Ordinal) && shown.Length > 0,
                    $"{name}: the form came back without the words typed ({typed.Length} typed, {shown.Length} shown, first difference at {differ}: " +
                    $"U+{(differ >= 0 ? (int)typed[differ] : 0):X4} typed, U+{(differ >= 0 ? (int)shown[differ] : 0):X4} shown)");
            }
        }
    }

    [SkippableFact]
    public async Task Broken_encodings_and_a_megabyte_are_refused_clearly()
    {
        var (articleId, _) = await CommentData.ArticleNumberAsync(Server, 31);
        var stamp = Uri.EscapeDataString(await CommentData.StampAsync(Server, TimeSpan.FromSeconds(30)));
        var head = $"Form.ArticleId={articleId}&Form.Name=Fuzz&Form.Email=fuzz%40example.org&Form.Started={stamp}&Form.Body=";
        // Each case with how the text typed begins, where the form can show it again.
        var bodies = new List<(string Name, byte[] Bytes, string Begins)>
        {
            ("a megabyte", Encoding.ASCII.GetBytes(head + new string('m', 1 << 20)), "mmmm"),
            ("broken percent-encoding", Encoding.ASCII.GetBytes(head + "100%25 sure %ZZ %"), "100"),
            ("random bytes as the whole body", HostileText.RandomBytes(new Random(HostileText.Seed), 5000), ""),
            // No browser sends this: the form reader stops at its field count, and nothing of it can be shown again.
            ("ten thousand fields", Encoding.ASCII.GetBytes(head + "x" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"&f{i}=1"))), ""),
        };
        foreach (var (broken, i) in HostileText.BrokenUtf8.Select((b, i) => (b, i)))
        {
            bodies.Add(($"broken UTF-8 {i}, raw", [.. Encoding.ASCII.GetBytes(head + "before"), .. broken, .. "after"u8.ToArray()], "before"));
            bodies.Add(($"broken UTF-8 {i}, percent-encoded", Encoding.ASCII.GetBytes(head + "before" + string.Concat(broken.Select(b => $"%{b:X2}")) + "after"), "before"));
        }
        foreach (var (name, bytes, begins) in bodies)
        {
            using var visitor = Visitor.Create(Server);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            var (response, body) = await HttpFuzz.SendAsync(visitor.Client, SameOrigin(content), name);
            if (response.StatusCode != HttpStatusCode.SeeOther && Html.Parse(body).QuerySelector("textarea#comment") is { } textarea)
            {
                Assert.StartsWith(begins, textarea.TextContent.TrimStart('\n'), StringComparison.Ordinal);
            }
        }
    }

    private HttpRequestMessage SameOrigin(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = content };
        request.Headers.Add("Origin", Server.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }
}