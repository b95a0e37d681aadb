using System.Text;

namespace Herald.Discovery.Feeds;

/// <summary>
/// RSS's description is HTML (entity-encoded inside the XML), and readers and RSS-to-email tools
/// render it as such. Text that was never HTML (a dek, a headline, a name) is therefore escaped
/// once for HTML before it goes there, and once more for XML by the writer: a reader then shows
/// "Profits &lt; forecasts &amp; more" as typed, and "&lt;img onerror=…&gt;" as text, not as a picture.
/// Titles and Atom's type="text" elements are plain text and take the text as it is.
/// </summary>
public static class FeedText
{
    public static string AsHtml(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return html.ToString();
    }
}