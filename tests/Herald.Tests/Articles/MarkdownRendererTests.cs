using Herald.Articles;

namespace Herald.Tests.Articles;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Renders_subheadings_quotes_tables_and_footnotes()
    {
        var html = renderer.ToHtml("""
            ## A mixed legacy

            > “We will not back down,” she said.

            | Year | Ships |
            |------|-------|
            | 2017 | 37    |

            A claim.[^1]

            [^1]: The source.
            """);

        Assert.Contains("<h2 id=\"h-a-mixed-legacy\">A mixed legacy</h2>", html);
        Assert.Contains("<blockquote>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("footnote", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    [InlineData("<a href=\"https://example.org\" onclick=\"x()\">x</a>", "onclick")]
    public void Sanitizes_whatever_an_author_types(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, renderer.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void External_links_get_noopener()
    {
        Assert.Contains("rel=\"noopener\"", renderer.ToHtml("See https://example.org for more."));
    }

    [Theory]
    [InlineData("One two three.", 3)]
    [InlineData("Zoë's café—open", 4)]
    [InlineData("", 0)]
    public void Counts_words(string text, int expected) => Assert.Equal(expected, MarkdownRenderer.CountWords(text));

    [Fact]
    public void Excerpts_are_cut_on_a_word_boundary()
    {
        var excerpt = MarkdownRenderer.MakeExcerpt(string.Join(' ', Enumerable.Repeat("word", 200)), 50);

        Assert.True(excerpt.Length <= 51);
        Assert.EndsWith("word…", excerpt);
    }

    [Fact]
    public void Rendering_once_gives_the_html_and_text_of_rendering_each_on_its_own()
    {
        // The save renders a body once for both; every demo article and the awkward cases must come out as before.
        var samples = typeof(MarkdownRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Herald.Demo.Content.articles.", StringComparison.Ordinal))
            .Select(n => new StreamReader(typeof(MarkdownRenderer).Assembly.GetManifestResourceStream(n)!).ReadToEnd())
            .Concat(["", "A claim.[^1]\n\n[^1]: The source.", "| a | b |\n|---|---|\n| 1 | 2 |", "<script>alert(1)</script> *x* ~~y~~ https://example.org"])
            .ToList();
        Assert.True(samples.Count > 40);
        foreach (var markdown in samples)
        {
            var once = renderer.Render(markdown, null);
            Assert.Equal(renderer.ToHtml(markdown), once.Html);
            Assert.Equal(renderer.ToPlainText(markdown), once.PlainText);
        }
    }
}