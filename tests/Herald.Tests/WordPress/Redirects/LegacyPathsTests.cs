using Herald.WordPress.Redirects;

namespace Herald.Tests.WordPress.Redirects;

/// <summary>
/// An old WordPress address is stored and looked up in one spelling, so a link from anywhere on
/// the web finds its 301 however it was written.
/// </summary>
public sealed class LegacyPathsTests
{
    [Theory]
    [InlineData("https://old.example.org/2019/04/harbour-ferry/", "/2019/04/harbour-ferry")]
    [InlineData("http://old.example.org/2019/04/Harbour-Ferry", "/2019/04/harbour-ferry")]
    [InlineData("/2019/04/harbour-ferry/", "/2019/04/harbour-ferry")]
    [InlineData("/2019//04/harbour-ferry//", "/2019/04/harbour-ferry")]
    [InlineData("https://old.example.org/", "/")]
    [InlineData("https://old.example.org/caf%C3%A9/", "/caf%c3%a9")]
    [InlineData("https://old.example.org/CAF%C3%89/", "/caf%c3%a9")]
    [InlineData("/a b/", "/a%20b")]
    public void Links_in_every_spelling_come_to_one_stored_form(string link, string stored) =>
        Assert.Equal(stored, LegacyPaths.FromLink(link));

    [Fact]
    public void A_request_path_decoded_by_the_server_meets_the_stored_link() =>
        Assert.Equal(LegacyPaths.FromLink("https://old.example.org/caf%C3%A9/?utm_source=x"), LegacyPaths.Normalize("/Café/", "?utm_source=x"));

    [Theory]
    [InlineData("https://old.example.org/?p=123", "/?p=123")]
    [InlineData("/?page_id=7", "/?page_id=7")]
    [InlineData("/index.php?utm=x&p=0045", "/?p=45")]
    public void A_post_named_by_number_is_stored_by_that_number_alone(string link, string stored) =>
        Assert.Equal(stored, LegacyPaths.FromLink(link));

    [Theory]
    [InlineData("?p=0")]
    [InlineData("?p=-3")]
    [InlineData("?p=12abc")]
    [InlineData("?p=")]
    [InlineData("?=5")]
    [InlineData("?cat=5")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_queries_name_no_post(string? query) => Assert.False(LegacyPaths.NamesArticle(query));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("harbour-ferry")]
    [InlineData("ftp://old.example.org/file")]
    [InlineData("javascript:alert(1)")]
    public void A_link_without_a_usable_path_is_not_stored(string link) => Assert.Null(LegacyPaths.FromLink(link));

    [Fact]
    public void Addresses_longer_than_the_column_are_not_stored()
    {
        Assert.Null(LegacyPaths.Normalize("/" + new string('a', LegacyPaths.MaxLength), null));
        Assert.NotNull(LegacyPaths.Normalize("/" + new string('a', LegacyPaths.MaxLength - 1), null));
    }
}