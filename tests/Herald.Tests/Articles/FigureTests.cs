using Herald.Articles;
using Herald.Articles.Figures;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Articles;

/// <summary>The <c>::: figure</c> block: what it renders, that it round-trips, and that it stays sanitized.</summary>
public sealed class FigureTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void A_figure_renders_its_picture_alt_text_caption_and_credit()
    {
        var html = renderer.ToHtml("""
            The keeper climbed the steps.

            ::: figure
            ![The lighthouse at dusk](/media/2026/05/lighthouse-1a2b.png)
            Caption: The lamp has been *automatic* since 1998.
            Credit: Jan Vos
            :::

            She retired on Friday.
            """);
        var figure = Html.Parse(html).QuerySelector("figure")!;

        Assert.Equal("/media/2026/05/lighthouse-1a2b.png", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("The lighthouse at dusk", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("automatic", figure.QuerySelector("figcaption em")!.TextContent);
        Assert.Equal("Jan Vos", figure.QuerySelector("figcaption span.credit")!.TextContent);
        Assert.StartsWith("The lamp has been", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(2, Html.Parse(html).QuerySelectorAll("p").Length);
    }

    [Theory]
    [InlineData("A plain picture", null, null)]
    [InlineData("Alt with [brackets] and a \\ backslash", "Caption with ] and *stars*", "Photo: A. Smith / Herald")]
    [InlineData("", "Only a caption", null)]
    [InlineData("Only a credit", null, "Agency")]
    public void A_figure_written_as_markdown_reads_back_the_same(string alt, string? caption, string? credit)
    {
        var figure = new Figure("/media/2026/05/a-b.jpg", alt, caption, credit);
        var lines = figure.ToMarkdown().Split('\n');

        Assert.Equal(Figure.Opening, lines[0]);
        Assert.Equal(Figure.Closing, lines[^1]);
        Assert.Equal(figure, Figure.Parse(lines[1..^1]));
        var html = Html.Parse(renderer.ToHtml(figure.ToMarkdown()));
        Assert.Equal(alt, html.QuerySelector("figure img")!.GetAttribute("alt"));
        Assert.Equal(credit, html.QuerySelector("figure .credit")?.TextContent);
    }

    [Fact]
    public void Line_breaks_typed_into_a_field_become_spaces_so_the_block_stays_readable()
    {
        var figure = new Figure("/media/x.png", "Two\nlines", "A caption\r\nin two lines", null);
        Assert.Equal(new Figure("/media/x.png", "Two lines", "A caption in two lines", null), Figure.Parse(figure.ToMarkdown().Split('\n')[1..^1]));
    }

    [Theory]
    [InlineData("![x](javascript:alert)")]
    [InlineData("![x\" onerror=\"alert(1)](/media/x.png)")]
    [InlineData("![x](/media/x.png)\nCaption: <script>alert(1)</script>")]
    [InlineData("![x](/media/x.png)\nCredit: <img src=x onerror=alert(1)>")]
    [InlineData("![x](/media/x.png)\nCaption: a <b onclick=alert(1)>bold</b> claim")]
    [InlineData("![x](/media/x.png)\nCaption: [click](javascript:alert(1))")]
    public void Whatever_is_typed_into_a_figure_is_sanitized(string inside)
    {
        var page = Html.Parse(renderer.ToHtml($"::: figure\n{inside}\n:::"));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.All(page.QuerySelectorAll("*"), element =>
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void A_figure_without_a_picture_shows_its_words_instead_of_losing_them()
    {
        var html = renderer.ToHtml("::: figure\nCaption: The picture went missing\n:::");
        Assert.DoesNotContain("<figure", html);
        Assert.Contains("The picture went missing", html);
    }

    [Fact]
    public void A_figure_inside_a_code_fence_is_shown_as_code()
    {
        var html = renderer.ToHtml("```\n::: figure\n![x](/media/x.png)\n:::\n```");
        Assert.DoesNotContain("<figure", html);
        Assert.Contains("::: figure", html);
    }

    [Fact]
    public void An_unclosed_figure_ends_with_the_story()
    {
        var html = renderer.ToHtml("Text.\n\n::: figure\n![x](/media/x.png)\nCaption: Still shown");
        Assert.Contains("<figcaption>Still shown</figcaption>", html);
    }

    [Fact]
    public void Figure_words_stay_out_of_the_plain_text_used_for_excerpts_and_word_counts()
    {
        var text = renderer.ToPlainText("::: figure\n![Alt words](/media/x.png)\nCaption: Caption words\nCredit: Credit words\n:::\n\nThe story begins.");
        Assert.Equal("The story begins.", text.Trim());
    }

    [Fact]
    public void A_caption_gathered_across_blank_lines_counts_as_one_piece_against_the_limits()
    {
        // Figure.Parse joins every caption line, blank lines or not, and renders them as one piece.
        var markdown = "::: figure\n![x](/media/x.png)\n" + string.Concat(Enumerable.Repeat("*a* [b] *c*\n\n", 5_000)) + ":::";

        var rendered = renderer.Render(markdown);

        Assert.Contains("The figure starting at line 1 of the body has more than 256", rendered.Problem);
        Assert.DoesNotContain("<figure", rendered.Html);
    }

    [Fact]
    public void A_code_fence_typed_inside_a_figure_does_not_hide_the_text_after_the_figure_from_the_limits()
    {
        // Inside a figure a fence opens nothing, so the brackets after ":::" are Markdown again.
        var rendered = renderer.Render("::: figure\n![x](/media/x.png)\n```\n:::\n\n" + new string('[', 60_000));

        Assert.Contains("more than 256 emphasis marks, link brackets and web addresses", rendered.Problem);
    }

    [Fact]
    public void A_figure_within_the_limits_still_renders_with_a_fence_line_in_its_caption()
    {
        var rendered = renderer.Render("::: figure\n![x](/media/x.png)\nCaption: ```\n:::\n\nAfter **the** figure.");

        Assert.Null(rendered.Problem);
        Assert.Contains("<figure>", rendered.Html);
        Assert.Contains("<strong>the</strong>", rendered.Html);
    }
}