using Herald.Tests.Infrastructure;
using Herald.WordPress;

namespace Herald.Tests.WordPress.Import;

/// <summary>WordPress post HTML rendered as a WordPress reader saw it.</summary>
public sealed class WordPressContentTests
{
    [Fact]
    public void Blank_lines_make_paragraphs_and_single_breaks_stay_breaks()
    {
        var html = Html.Parse(WordPressContent.Render("First line\nsame paragraph\n\nSecond paragraph\n\n<ul>\n<li>kept</li>\n</ul>"));
        var paragraphs = html.QuerySelectorAll("p");
        Assert.Equal(2, paragraphs.Length);
        Assert.Single(paragraphs[0].QuerySelectorAll("br"));
        Assert.Empty(html.QuerySelectorAll("p ul"));
        Assert.Single(html.QuerySelectorAll("ul > li"));
    }

    [Fact]
    public void Block_comments_go_and_preformatted_text_keeps_its_lines()
    {
        var rendered = WordPressContent.Render("<!-- wp:code -->\n<pre>a\n\nb</pre>\n<!-- /wp:code -->");
        Assert.DoesNotContain("wp:code", rendered);
        Assert.Contains("<pre>a\n\nb</pre>", rendered);
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_with_its_caption()
    {
        var html = Html.Parse(WordPressContent.Render("[caption id=\"a\" align=\"alignleft\" width=\"150\"]<img src=\"/x.jpg\" alt=\"x\"> A boat at dawn[/caption]"));
        Assert.Equal("/x.jpg", html.QuerySelector("figure img")!.GetAttribute("src"));
        Assert.Equal("A boat at dawn", html.QuerySelector("figure figcaption")!.TextContent);

        var old = Html.Parse(WordPressContent.Render("[caption caption=\"Old style\"]<img src=\"/y.jpg\">[/caption]"));
        Assert.Equal("Old style", old.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void A_gallery_lists_the_pictures_it_names_or_those_attached()
    {
        var one = new ShortcodeImage(10, "/a.jpg", "First", "Cap");
        var two = new ShortcodeImage(11, "/b.jpg", "Second", null);
        var media = new ShortcodeMedia(new Dictionary<long, ShortcodeImage> { [10] = one, [11] = two }, [two]);

        var named = Html.Parse(WordPressContent.Render("[gallery ids=\"11,10,99\"]", media));
        Assert.Equal(["/b.jpg", "/a.jpg"], named.QuerySelectorAll("ul.gallery img").Select(i => i.GetAttribute("src")));
        var attached = Html.Parse(WordPressContent.Render("[gallery columns=\"2\"]", media));
        Assert.Equal(["/b.jpg"], attached.QuerySelectorAll("ul.gallery img").Select(i => i.GetAttribute("src")));
        Assert.DoesNotContain("[gallery", WordPressContent.Render("[gallery]"));
    }

    [Fact]
    public void Embeds_become_links_and_unknown_shortcodes_stay_text()
    {
        var embed = Html.Parse(WordPressContent.Render("[embed]https://video.example/v/1[/embed]"));
        Assert.Equal("https://video.example/v/1", embed.QuerySelector("a")!.GetAttribute("href"));
        var bare = Html.Parse(WordPressContent.Render("Intro\n\nhttps://video.example/v/2\n\nOutro"));
        Assert.Equal("https://video.example/v/2", bare.QuerySelector("p a")!.GetAttribute("href"));
        Assert.Contains("[contact-form-7 id=\"3\"]", WordPressContent.Render("[contact-form-7 id=\"3\"]"));
    }
}