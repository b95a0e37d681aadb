namespace Herald.Articles;

/// <summary>
/// Derives what is stored beside an article's Markdown (sanitized HTML, excerpt, word count)
/// so that every path that saves an article — demo seeding, the newsroom, imports — agrees.
/// </summary>
public sealed class ArticleWriter(ArticleBody body)
{
    /// <param name="media">The pictures an imported body's [gallery] shortcodes name (imports only).</param>
    /// <returns>Why the body could not be rendered (it is then stored as its own escaped text), or null.</returns>
    public string? PrepareForSave(Article article, WordPress.ShortcodeMedia? media = null)
    {
        var rendered = body.Render(article.BodySource, article.BodyFormat, media);
        article.BodyHtml = rendered.Html;
        // An HTML body's text is the text of its render: derived once, not rendered again.
        var plain = article.BodyFormat == BodyFormat.Html ? ArticleBody.HtmlToPlainText(article.BodyHtml) : body.ToPlainText(article);
        article.WordCount = MarkdownRenderer.CountWords(plain);
        if (string.IsNullOrWhiteSpace(article.Excerpt))
        {
            article.Excerpt = MarkdownRenderer.MakeExcerpt(plain);
        }
        return rendered.Problem;
    }
}