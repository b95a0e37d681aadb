using System.Text;
using System.Text.RegularExpressions;
using Herald.Tests.Infrastructure;
using Herald.WordPress.Import;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// The WXR reader on damaged exports made from one good file with a fixed seed: cut at many
/// points, bytes flipped, broken UTF-8 and NUL bytes spliced in, numbers too long for any id,
/// and fields just over the reader's limits. Each one is read whole or refused with a
/// <see cref="WxrFormatException"/> that names FILE:LINE:COL, within a bounded CPU time.
/// </summary>
public sealed partial class WxrFuzzTests : IDisposable
{
    /// <summary>The cases that write megabytes or hundreds of thousands of nodes; the slow tier runs them.</summary>
    internal static readonly string[] LargeCases = ["100,000 unclosed elements", "100,000 attributes", "a 1 MB title", "10,000 comments on one item"];

    private static readonly TimeSpan CpuCap = TimeSpan.FromSeconds(10);

    private const string Good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Fuzz</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>https://fuzz.example</wp:base_blog_url>
        <wp:author><wp:author_login>ed</wp:author_login><wp:author_display_name>Ed Itor</wp:author_display_name></wp:author>
        <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
        <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug>port</wp:tag_slug><wp:tag_name>Port</wp:tag_name></wp:tag>
        <item><title>Picture</title><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
        <wp:attachment_url>https://fuzz.example/wp-content/uploads/a.jpg</wp:attachment_url></item>
        <item><title>First</title><dc:creator>ed</dc:creator><wp:post_id>10</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        <wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>first</wp:post_name>
        <category domain="category" nicename="news"><![CDATA[News]]></category><category domain="post_tag" nicename="port">Port</category>
        <content:encoded><![CDATA[<p>Fine <b>words</b>.</p>]]></content:encoded><excerpt:encoded><![CDATA[Short.]]></excerpt:encoded>
        <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>5</wp:meta_value></wp:postmeta>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann</wp:comment_author><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt>
        <wp:comment_content>Agreed.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
        </item>
        <item><title>Second</title><wp:post_id>11</wp:post_id><wp:post_type>page</wp:post_type><wp:status>draft</wp:status>
        <wp:post_date>2020-02-01 10:00:00</wp:post_date><content:encoded>&lt;p&gt;Escaped.&lt;/p&gt;</content:encoded></item>
        </channel>
        </rss>
        """;

    private readonly TempFolder folder = new("herald-wxr-fuzz");

    public static TheoryData<string> Cases() => new(Mutations().Select(m => m.Name).Where(n => !LargeCases.Contains(n)));

    public static TheoryData<string> Large() => new(LargeCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_damaged_export_is_read_or_refused_with_its_place_in_bounded_time(string name) => Check(name, folder.Path);

    internal static void Check(string name, string folderPath)
    {
        var bytes = Mutations().Single(m => m.Name == name).Bytes;
        var file = Path.Combine(folderPath, "fuzz.xml");
        File.WriteAllBytes(file, bytes);

        Exception? failure = null;
        var cost = CpuTime.Of(() =>
        {
            try
            {
                WxrScan.Run(file);
                foreach (var record in WxrReader.Read(file))
                {
                    _ = record;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });

        Assert.True(cost < CpuCap, $"{name}: {cost.TotalSeconds:0.0} s of CPU");
        if (failure is not null)
        {
            Assert.True(failure is WxrFormatException, $"{name}: {failure.GetType().Name}: {failure.Message}");
            Assert.Matches(Located(), failure.Message);
            Assert.DoesNotContain("   at ", failure.Message);
        }
    }

    /// <summary>The good file, then each way of breaking it, named so a failure can be found again.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Mutations()
    {
        var good = Encoding.UTF8.GetBytes(Good);
        yield return ("good", good);
        var random = new Random(HostileText.Seed);
        for (var i = 1; i <= 24; i++)
        {
            var cut = good.Length * i / 25;
            yield return ($"cut at byte {cut}", good[..cut]);
        }
        for (var i = 0; i < 24; i++)
        {
            var flipped = (byte[])good.Clone();
            for (var n = 0; n < 1 + (i % 4); n++)
            {
                flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
            }
            yield return ($"flipped bytes, seed {HostileText.Seed} case {i}", flipped);
        }
        var anchor = Good.IndexOf("Fine <b>", StringComparison.Ordinal);
        foreach (var (broken, i) in HostileText.BrokenUtf8.Select((b, i) => (b, i)))
        {
            yield return ($"broken UTF-8 {i} in a body", Splice(good, anchor, broken));
        }
        yield return ("NUL byte in a body", Splice(good, anchor, [0]));
        yield return ("NUL character reference", Encoding.UTF8.GetBytes(Good.Replace("Fine <b>", "Fine &#0;<b>", StringComparison.Ordinal)));
        yield return ("random bytes", HostileText.RandomBytes(random, 4096));
        yield return ("empty file", []);
        yield return ("UTF-16 declared, UTF-8 written", Encoding.UTF8.GetBytes(Good.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", StringComparison.Ordinal)));
        yield return ("a DTD with an entity bomb", Encoding.UTF8.GetBytes(Good.Replace("<rss ", "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss ", StringComparison.Ordinal).Replace("Fine <b>", "&b;", StringComparison.Ordinal)));
        foreach (var number in HostileText.Numbers)
        {
            foreach (var field in new[] { "<wp:post_id>10<", "<wp:comment_id>1<", "<wp:comment_parent>0<", "<wp:term_id>3<", "<wp:meta_value>5<" })
            {
                var replaced = field[..(field.IndexOf('>') + 1)] + System.Security.SecurityElement.Escape(number.Replace("\0", "", StringComparison.Ordinal)) + "<";
                yield return ($"{field.Trim('<', '>').Split('>')[0]} = \"{number.Replace("\0", "\\0", StringComparison.Ordinal)}\"", Encoding.UTF8.GetBytes(Good.Replace(field, replaced, StringComparison.Ordinal)));
            }
        }
        foreach (var date in new[] { "0000-00-00 00:00:00", "9999-12-31 23:59:59", "2020-13-45 99:99:99", "99999999999-01-01 00:00:00", "" })
        {
            yield return ($"date \"{date}\"", Encoding.UTF8.GetBytes(Good.Replace("2020-01-01 10:00:00", date, StringComparison.Ordinal)));
        }
        yield return ($"elements nested {WxrReader.MaxElementDepth + 1} deep in an item",
            Encoding.UTF8.GetBytes(Good.Replace("<title>First</title>", "<title>First</title>" + HostileText.Nested("<x>", WxrReader.MaxElementDepth + 1) + HostileText.Repeat("</x>", WxrReader.MaxElementDepth + 1), StringComparison.Ordinal)));
        yield return ("100,000 unclosed elements", Encoding.UTF8.GetBytes(Good.Replace("<title>First</title>", "<title>First</title>" + HostileText.Nested("<x>", 100_000), StringComparison.Ordinal)));
        yield return ("100,000 attributes", Encoding.UTF8.GetBytes(Good.Replace("<item><title>First", "<item " + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"a{i}=\"\" ")) + "><title>First", StringComparison.Ordinal)));
        yield return ("a 1 MB title", Encoding.UTF8.GetBytes(Good.Replace("<title>First</title>", "<title>" + new string('t', 1 << 20) + "</title>", StringComparison.Ordinal)));
        yield return ("10,000 comments on one item", Encoding.UTF8.GetBytes(Good.Replace("</wp:comment>", "</wp:comment>" + string.Concat(Enumerable.Range(2, 10_000).Select(i => $"<wp:comment><wp:comment_id>{i}</wp:comment_id><wp:comment_content>c</wp:comment_content></wp:comment>")), StringComparison.Ordinal)));
    }

    private static byte[] Splice(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    [GeneratedRegex(@"^fuzz\.xml:\d+:\d+: \S")]
    private static partial Regex Located();

    public void Dispose() => folder.Dispose();
}

/// <summary>The WXR cases of megabytes and hundreds of thousands of nodes.</summary>
[Trait("Tier", "Slow")]
public sealed class LargeWxrFuzzTests : IDisposable
{
    private readonly TempFolder folder = new("herald-wxr-fuzz");

    public static TheoryData<string> Cases() => WxrFuzzTests.Large();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_huge_export_is_read_or_refused_with_its_place_in_bounded_time(string name) => WxrFuzzTests.Check(name, folder.Path);

    public void Dispose() => folder.Dispose();
}