using Herald.WordPress.Import;

namespace Herald.Tests.WordPress.Import;

/// <summary>How a body's references to copied attachments are pointed at Herald's copies.</summary>
public sealed class MediaLinksTests
{
    private static MediaLinks Links()
    {
        var links = new MediaLinks();
        links.Add("https://old.example/wp-content/uploads/2013/03/ferry.jpg", "/media/wp/10-ferry.jpg",
            "/media/wp/10-ferry-480.jpg 480w, /media/wp/10-ferry-800.jpg 800w, /media/wp/10-ferry.jpg 1200w");
        links.Add("https://old.example/wp-content/uploads/2020/01/big-scaled.jpg", "/media/wp/11-big-scaled.jpg", "/media/wp/11-big-scaled.jpg 2560w");
        return links;
    }

    [Theory]
    [InlineData("<img src=\"https://old.example/wp-content/uploads/2013/03/ferry.jpg\">", "<img src=\"/media/wp/10-ferry.jpg\">")]
    [InlineData("<img src=\"http://old.example/wp-content/uploads/2013/03/ferry.jpg?w=300#x\">", "<img src=\"/media/wp/10-ferry.jpg\">")]
    [InlineData("<img src='//OLD.example/wp-content/uploads/2013/03/ferry.jpg'>", "<img src='/media/wp/10-ferry.jpg'>")]
    [InlineData("<img src=\"https://old.example/wp-content/uploads/2013/03/ferry-150x150.jpg\">", "<img src=\"/media/wp/10-ferry-480.jpg\">")]
    [InlineData("<img src=\"https://old.example/wp-content/uploads/2013/03/ferry-600x400.jpg\">", "<img src=\"/media/wp/10-ferry-800.jpg\">")]
    [InlineData("<img src=\"https://old.example/wp-content/uploads/2013/03/ferry-1024x683.jpg\">", "<img src=\"/media/wp/10-ferry.jpg\">")]
    [InlineData("<a href=\"https://old.example/wp-content/uploads/2020/01/big.jpg\">", "<a href=\"/media/wp/11-big-scaled.jpg\">")]
    [InlineData("[gallery link=\"https://old.example/wp-content/uploads/2013/03/ferry.jpg\"]", "[gallery link=\"/media/wp/10-ferry.jpg\"]")]
    [InlineData("srcset=\"https://old.example/wp-content/uploads/2013/03/ferry-300x200.jpg 300w, https://old.example/wp-content/uploads/2013/03/ferry.jpg 1200w\"",
        "srcset=\"/media/wp/10-ferry-480.jpg 300w, /media/wp/10-ferry.jpg 1200w\"")]
    public void References_to_a_copied_picture_lead_to_the_copy(string body, string expected) =>
        Assert.Equal(expected, Links().Rewrite(body));

    [Theory]
    [InlineData("<img src=\"https://other.example/wp-content/uploads/2013/03/ferry.jpg\">")]
    [InlineData("<img src=\"https://old.example/wp-content/uploads/2013/03/lost.jpg\">")]
    [InlineData("<a href=\"https://old.example/2013/03/ferry/\">the story</a>")]
    [InlineData("<img src=\"https://old.example:8443/wp-content/uploads/2013/03/ferry.jpg\">")]
    [InlineData("plain text with no address")]
    public void Other_addresses_are_left_as_they_are(string body) => Assert.Equal(body, Links().Rewrite(body));
}