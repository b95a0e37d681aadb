namespace Herald.WordPress.RestApi;

/// <summary>Plain text made safe inside the HTML of a "rendered" field.</summary>
public static class WpText
{
    /// <summary>
    /// Escapes only what HTML needs (&amp; &lt; &gt; and quotes), leaving letters such as "ä" as
    /// they are; WebUtility.HtmlEncode would turn them into numeric entities no client expects.
    /// </summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#039;", StringComparison.Ordinal);
}