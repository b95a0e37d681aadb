using Herald.Articles;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Articles;

/// <summary>
/// Bodies shaped to crash or stall the renderer: each is either rendered or refused with a
/// message naming the body and the line, never an exception, and within a bound far below what
/// the same input cost before the limits (minutes). The bounds are correctness bounds, not speed
/// claims, and are on the test thread's CPU time, which a busy machine does not stretch; the inputs
/// come in two sizes ten times apart.
/// </summary>
public sealed class BodyLimitsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly MarkdownRenderer renderer = new();

    public static TheoryData<string, string, string> DeepMarkdown => new()
    {
        { "128 nested quotes", new string('>', 128) + " deep", "Line 1 of the body nests quotes and lists 128 levels deep" },
        { "a list nested 100 deep", string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- item\n")), "Line 33 of the body nests quotes and lists 33 levels deep" },
        { "quotes and lists on one line", string.Concat(Enumerable.Repeat("> - ", 200)) + "x", "nests quotes and lists" },
        { "60,000 opening brackets", new string('[', 60_000), "more than 256 emphasis marks, link brackets and web addresses" },
        { "60,000 unclosed emphasis marks", string.Concat(Enumerable.Repeat("*a ", 60_000)), "more than 256 emphasis marks" },
        { "50,000 closed emphasis marks", string.Concat(Enumerable.Repeat("*a* ", 50_000)), "more than 256 emphasis marks" },
        { "a bold table of 2,000 rows", "|a|b|\n|-|-|\n" + string.Concat(Enumerable.Repeat("| **a** | *b* |\n", 2000)), "paragraph or table starting at line 1" },
        { "16,000 web addresses in a paragraph", string.Concat(Enumerable.Repeat("http://a.example/ ", 16_000)), "web addresses" },
        { "a run of 200 stars", new string('*', 200) + "x" + new string('*', 200), "200 emphasis marks in a row" },
        { "40,000 nested divs", string.Concat(Enumerable.Repeat("<div>", 40_000)), "nests HTML elements more than 128 deep" },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public void A_body_nested_beyond_the_limits_is_refused_with_its_line_and_shown_as_text(string name, string markdown, string message)
    {
        RenderedBody rendered = null!;
        var cpu = ThreadCpuClock.Measure(() => rendered = renderer.Render(markdown));

        Assert.True(cpu < Bound, $"{name}: {cpu} of CPU");
        Assert.NotNull(rendered.Problem);
        Assert.Contains(message, rendered.Problem);
        Assert.Contains("the body", rendered.Problem, StringComparison.OrdinalIgnoreCase);
        // What is stored in its place is the text itself, escaped: no element of it is live.
        var html = Html.Parse(rendered.Html);
        Assert.All(html.Body!.Children, element => Assert.Equal("P", element.TagName));
        Assert.Empty(html.Body.QuerySelectorAll("p *"));
        Assert.Equal(markdown.Trim(), html.Body.TextContent.Trim());
        // Plain text for excerpts, search and analysis never throws either.
        Assert.NotEmpty(renderer.ToPlainText(markdown));
    }

    [Fact]
    public void Nesting_within_the_limits_still_renders()
    {
        var quotes = renderer.Render(new string('>', 30) + " deep enough");
        var lists = renderer.Render(string.Concat(Enumerable.Range(0, 20).Select(i => new string(' ', i * 2) + "- item\n")));
        var fenced = renderer.Render("```yaml\n" + string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', i * 2) + "- key\n")) + "```\n");

        Assert.Null(quotes.Problem);
        Assert.Equal(30, Html.Parse(quotes.Html).QuerySelectorAll("blockquote").Length);
        Assert.Null(lists.Problem);
        Assert.Equal(20, Html.Parse(lists.Html).QuerySelectorAll("ul").Length);
        // Code is not Markdown: indentation inside a fence is no nesting.
        Assert.Null(fenced.Problem);
    }

    [Fact]
    public void Markup_that_a_parser_would_copy_into_every_paragraph_is_refused()
    {
        // Closed by </p>, the hundred <b> are copied into each later paragraph's text: a million elements.
        var html = "<p>" + string.Concat(Enumerable.Range(0, 100).Select(i => $"<b class=\"c{i}\">")) + "</p>"
            + string.Concat(Enumerable.Repeat("<p>x</p>", 10_000));

        (string Html, string? Problem) rendered = ("", null);
        var cpu = ThreadCpuClock.Measure(() => rendered = renderer.Sanitize(html, null));

        Assert.True(cpu < Bound, cpu + " of CPU");
        Assert.Contains("leaves formatting tags", rendered.Problem);
        Assert.True(rendered.Html.Length < 2 * html.Length, "the text shown instead is about the size of the input");
    }

    [Fact]
    public void Html_hidden_from_the_depth_count_by_quotes_or_comments_is_still_counted()
    {
        // The tokenizer ends the tag at '>' whatever quote came before '=': a stray quote hides nothing.
        var strayQuote = "<x a'>" + string.Concat(Enumerable.Repeat("<div>", 200)) + "'";
        // "<!-->" is a whole (empty) comment.
        var emptyComment = "<!-->" + string.Concat(Enumerable.Repeat("<div>", 200)) + "-->";
        // In HTML "/>" does not close a div; only SVG and MathML elements close themselves.
        var selfClosing = string.Concat(Enumerable.Repeat("<div/>", 200));
        var svgThenHtml = "<svg><p>" + string.Concat(Enumerable.Repeat("<div/>", 200));

        Assert.All(new[] { strayQuote, emptyComment, selfClosing, svgThenHtml }, html => Assert.Contains("more than 128 deep", HtmlLimits.Check(html)));
        Assert.Null(HtmlLimits.Check("<svg>" + string.Concat(Enumerable.Repeat("<path d=\"M0 0\"/>", 500)) + "</svg>"));
        Assert.Null(HtmlLimits.Check(string.Concat(Enumerable.Repeat("<p>One <b>two</b> <a href=\"#\">three</a><br><img src=x></p><ul><li>a<li>b</ul>", 5000))));
    }

    public static TheoryData<string, int> Repeated => new()
    {
        // name, repetitions (the large size; the small one is a tenth)
        { "# Same heading\n\n", 25_000 },
        { "A paragraph\n\n", 15_000 },
        { "http://a.example/\n\n", 15_000 },
        { "|a|b|\n|-|-|\n" + string.Concat(Enumerable.Repeat("| **a** | *b* |\n", 60)) + "\n", 200 },
        { "- *a* **b** [c](d) http://x.example\n", 5_000 },
        { "<p>x</p>", 25_000 },
    };

    [Theory]
    [MemberData(nameof(Repeated))]
    public void Bodies_of_many_small_pieces_render_in_time_that_grows_linearly(string piece, int times)
    {
        // Ten times the input may take about ten times as long, never a hundred: the ratio of the test
        // thread's CPU time, which a busy machine neither stretches nor makes uneven between the sizes.
        // The small size is the median of three (the first also pays for JIT); below five seconds
        // nothing is judged, as a pause of the collector or the machine can triple a short run.
        var small = new[] { Render(piece, times / 10), Render(piece, times / 10), Render(piece, times / 10) }.Order().ElementAt(1);
        var large = Render(piece, times);
        var allowed = TimeSpan.FromTicks(Math.Max(small.Ticks * 30, TimeSpan.FromSeconds(5).Ticks));
        Assert.True(large < allowed, $"{times / 10} × {piece.Trim()}: {small}; {times} ×: {large} (allowed {allowed})");
    }

    private TimeSpan Render(string piece, int count)
    {
        var markdown = string.Concat(Enumerable.Repeat(piece, count));
        string? problem = "not rendered";
        var cpu = ThreadCpuClock.Measure(() => problem = renderer.Render(markdown).Problem);
        Assert.Null(problem);
        return cpu;
    }

    [Fact]
    public void Heading_ids_are_prefixed_numbered_and_the_body_links_to_them_still_work()
    {
        var html = Html.Parse(renderer.ToHtml("""
            ## Comments

            A claim.[^1] See [the reply form](#respond) and [the first section](#comments).

            ## Comments

            <div id="respond">imported anchor</div>

            [^1]: The source.
            """));

        var headings = html.QuerySelectorAll("h2").Select(h => h.Id ?? "").ToList();
        Assert.Equal(["h-comments", "h-comments-1"], headings);
        Assert.Equal("h-respond", html.QuerySelector("div")!.Id);
        // Every link to "#…" in the body leads to an element of the body.
        foreach (var link in html.QuerySelectorAll("a[href^='#']"))
        {
            Assert.NotNull(html.GetElementById(link.GetAttribute("href")![1..]));
        }
        Assert.Empty(html.QuerySelectorAll("[id='comments'], [id='respond']"));
    }

    [Fact]
    public void Twenty_five_thousand_equal_headings_get_distinct_ids()
    {
        var html = Html.Parse(renderer.ToHtml(string.Concat(Enumerable.Repeat("# Same\n\n", 25_000))));
        var ids = html.QuerySelectorAll("h1").Select(h => h.Id ?? "").ToList();
        Assert.Equal(25_000, ids.Distinct().Count());
        Assert.Equal("h-same-24999", ids[^1]);
    }

    [Fact]
    public void Html_written_back_is_what_the_sanitizer_would_write()
    {
        string[] samples =
        [
            "<pre>\n\nx</pre>", "<p>a&nbsp;b \"q\" 'x' &lt;&gt;&amp;</p>", "<a href=\"/x?a=1&amp;b=&quot;2\">x</a>",
            "<table><tr><td>1</td></tr></table>", "<ul><li>a<li>b</ul>", "<img src=\"x.png\" alt=\"a&quot;b\">", "<div title=\"a<b>c\">x</div>",
            "<figure><img src=a><figcaption>c</figcaption></figure>", "<p>é ü 漢字 🎉</p>", "<code>&lt;tag&gt;</code>",
        ];
        var plain = new Ganss.Xss.HtmlSanitizer();
        plain.AllowedTags.Add("figure");
        plain.AllowedTags.Add("figcaption");
        foreach (var sample in samples)
        {
            Assert.Equal(plain.Sanitize(sample), renderer.Sanitize(sample));
        }
    }
}