namespace Herald.Articles;

/// <summary>
/// Derives what is stored beside an article's Markdown (sanitized HTML, excerpt, word count)
/// so that every path that saves an article — demo seeding, the newsroom, imports — agrees.
/// </summary>
public sealed class ArticleWriter(ArticleBody body)
{
    public void PrepareForSave(Article article)
    {
        article.BodyHtml = body.ToHtml(article);
        var plain = body.ToPlainText(article);
        article.WordCount = MarkdownRenderer.CountWords(plain);
        if (string.IsNullOrWhiteSpace(article.Excerpt))
        {
            article.Excerpt = MarkdownRenderer.MakeExcerpt(plain);
        }
    }
}