using System.Text;
using System.Xml.Linq;
using Herald.WordPress.Export;

namespace Herald.Tests.WordPress.Export;

/// <summary>The pieces of the export that need no database: text XML cannot carry, section order, the site address.</summary>
public sealed class WxrWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("bell\u0007 and null\0 gone", "bell and null gone")]
    [InlineData("pair 🎉 kept, tab\tand newline\n kept", "pair 🎉 kept, tab\tand newline\n kept")]
    public void Characters_XML_cannot_carry_are_dropped_and_the_rest_kept(string input, string expected)
    {
        Assert.Equal(expected, WxrWriter.Clean(input));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped()
    {
        // Built here, not in InlineData: test discovery would turn it into U+FFFD on the way.
        var lone = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal("lone  surrogate", WxrWriter.Clean(lone));
    }

    [Theory]
    [InlineData("a]]>b")]
    [InlineData("]]>")]
    [InlineData("]]>]]>x]]]>")]
    [InlineData("]]")]
    public void CDATA_with_its_own_end_marker_reads_back_exactly(string text)
    {
        using var stream = new MemoryStream();
        using (var wxr = new WxrWriter(stream))
        {
            wxr.StartDocument();
            wxr.CDataLine(1, "description", null, text);
            wxr.EndDocument();
            wxr.Flush();
        }
        var xml = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(text, XDocument.Parse(xml).Root!.Element("channel")!.Element("description")!.Value);
    }

    [Fact]
    public void Sections_come_after_their_parents_and_a_loop_does_not_hang()
    {
        var parents = new Dictionary<int, int?> { [1] = 3, [2] = null, [3] = 2, [4] = 5, [5] = 4 };

        var ordered = WxrChannel.ParentsFirst([1, 2, 3, 4, 5], id => parents[id]);

        Assert.Equal(5, ordered.Distinct().Count());
        Assert.True(ordered.IndexOf(2) < ordered.IndexOf(3));
        Assert.True(ordered.IndexOf(3) < ordered.IndexOf(1));
    }

    [Theory]
    [InlineData("https://news.example.org/", "https://news.example.org")]
    [InlineData("http://example.org/news", "http://example.org/news")]
    public void A_site_address_is_kept_without_its_trailing_slash(string input, string expected)
    {
        Assert.Equal(expected, WxrSite.TryParse(input, out _)!.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("news.example.org")]
    [InlineData("ftp://example.org")]
    [InlineData("https://user@example.org")]
    [InlineData("https://example.org/#top")]
    public void A_site_address_that_cannot_prefix_links_is_refused_with_a_reason(string input)
    {
        Assert.Null(WxrSite.TryParse(input, out var error));
        Assert.Contains("--site-url", error);
    }

    [Fact]
    public void A_site_address_longer_than_the_importer_keeps_is_refused()
    {
        Assert.Null(WxrSite.TryParse("https://example.org/" + new string('a', WxrSite.MaxLength), out var error));
        Assert.Contains("at most 300", error);
    }
}