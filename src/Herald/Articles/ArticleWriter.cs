namespace Herald.Articles;

/// <summary>
/// Derives what is stored beside an article's Markdown (sanitized HTML, excerpt, word count)
/// so that every path that saves an article — demo seeding, the newsroom, imports — agrees.
/// </summary>
public sealed class ArticleWriter(MarkdownRenderer markdown)
{
    public void PrepareForSave(Article article)
    {
        article.BodyHtml = markdown.ToHtml(article.BodyMarkdown);
        var plain = markdown.ToPlainText(article.BodyMarkdown);
        article.WordCount = MarkdownRenderer.CountWords(plain);
        if (string.IsNullOrWhiteSpace(article.Excerpt))
        {
            article.Excerpt = MarkdownRenderer.MakeExcerpt(plain);
        }
    }
}