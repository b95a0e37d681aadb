using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Herald.Tests.Infrastructure;

/// <summary>Parses pages the way a browser would, so tests assert on elements, not on substrings.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response, Parse(body));
    }

    /// <summary>Article URLs linked from a page, in order, without duplicates.</summary>
    public static IReadOnlyList<string> ArticleLinks(this IDocument document) => document.QuerySelectorAll(".card-headline a")
        .Select(a => a.GetAttribute("href")!)
        .Distinct()
        .ToList();
}