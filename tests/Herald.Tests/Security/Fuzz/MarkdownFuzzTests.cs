using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Newsroom.Editor;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// The Markdown path with generated hostile bodies: random text, every nesting construct a
/// thousand deep, bodies at and just over the size limit, HTML bodies as WordPress stories carry
/// them. The renderer gives HTML or the text escaped with a reason, in bounded CPU time; the
/// newsroom's preview and save answer 200, 302, 413 or 422 and never drop the words.
/// </summary>
public sealed class MarkdownFuzzTests
{
    private static readonly TimeSpan CpuCap = TimeSpan.FromSeconds(10);

    public static IEnumerable<(string Name, string Body)> Bodies()
    {
        var random = new Random(HostileText.Seed);
        for (var i = 0; i < 30; i++)
        {
            yield return ($"random text, seed {HostileText.Seed} case {i}", HostileText.RandomText(random, random.Next(0, 5000)));
        }
        foreach (var open in new[] { ">", "> ", "- ", "1. ", "[", "![", "*", "_", "**", "~~", "`", "<div>", "<b>", "<table><tr><td>", "    ", "[^", "| ", "#", "<!--", "<![CDATA[", "&#" })
        {
            yield return ($"\"{open}\" 1,000 deep", HostileText.Nested(open, 1000) + "x");
        }
        yield return ("1,000 nested list items", string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i * 2) + "- item\n")));
        yield return ("a 10,000-row table", "| a | b |\n|---|---|\n" + HostileText.Repeat("| 1 | 2 |\n", 10_000));
        yield return ("10,000 link references", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"[l{i}]: https://example.org/{i}\n")) + "[l5]");
        yield return ("10,000 footnotes", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"x[^{i}]\n\n[^{i}]: note\n")));
        yield return ("emphasis runs", HostileText.Repeat("*a **b", 20_000));
        yield return ("the size limit exactly", new string('w', ArticleLimits.TypedBody));
    }

    [Fact]
    public void The_renderer_gives_html_or_the_escaped_text_with_a_reason()
    {
        var markdown = new MarkdownRenderer();
        var body = new ArticleBody([markdown, new Herald.WordPress.ImportedHtmlRenderer(markdown)]);
        foreach (var (name, text) in Bodies())
        {
            foreach (var format in new[] { BodyFormat.Markdown, BodyFormat.Html })
            {
                RenderedBody? rendered = null;
                var cost = CpuTime.Of(() => rendered = body.Render(text, format));
                Assert.True(cost < CpuCap, $"{name} as {format}: {cost.TotalSeconds:0.0} s of CPU");
                Assert.DoesNotContain("<script", rendered!.Html, StringComparison.OrdinalIgnoreCase);
                if (rendered.Problem is { } problem)
                {
                    Assert.True(problem.Length is > 10 and < 500, $"{name}: \"{problem}\"");
                    Assert.StartsWith("<p>", rendered.Html.TrimStart());
                }
            }
        }
    }
}

/// <summary>The same bodies through the newsroom's preview and save, over HTTP: a few hundred kilobytes each way.</summary>
[Trait("Tier", "Slow")]
public sealed class NewsroomBodyFuzzTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [SkippableFact]
    public async Task Preview_and_save_answer_every_body_clearly_and_keep_the_words()
    {
        var server = fixture.RequireServer();
        using var author = await NewsroomSession.SignInAsync(server, "fuzz-author@example.org", Roles.Author);
        var bodies = MarkdownFuzzTests.Bodies().Where((_, i) => i % 3 == 0)
            .Append((Name: "one over the size limit", Body: new string('w', ArticleLimits.TypedBody + 1)))
            .Select(b => (b.Name, Body: HostileText.Sendable(b.Body)));
        foreach (var (name, text) in bodies)
        {
            var preview = await author.PostFormAsync("/newsroom/preview", new() { ["Form.Body"] = text }, "/newsroom");
            HttpFuzz.AssertClear(preview, await preview.Content.ReadAsStringAsync(), $"preview of {name}");
            Assert.True(preview.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge, $"preview of {name}: {preview.StatusCode}");

            var save = await author.PostEditorAsync(0, NewsroomWriting.Fields($"Fuzz: {name}", text));
            var page = await save.Content.ReadAsStringAsync();
            HttpFuzz.AssertClear(save, page, $"save of {name}");
            if (save.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, save.StatusCode);
                var form = Html.Parse(page);
                Assert.NotNull(form.QuerySelector(".form-problem"));
                Assert.Equal(HostileText.AsParsed(text).TrimStart('\n'), form.QuerySelector("textarea[name='Form.Body']")!.TextContent.TrimStart('\n'));
            }
        }
    }
}