namespace Herald.Articles.Writing;

/// <summary>
/// The limits every stored article meets, whoever writes it (<see cref="ArticleLimits"/>). The
/// editor form checks the same limits with its own messages first; these catch any writer that
/// did not, before anything is saved.
/// </summary>
public static class ArticleValidator
{
    public static List<string> Problems(Article article)
    {
        var problems = new List<string>();
        if (!Slugs.IsWellFormed(article.Slug))
        {
            problems.Add($"The slug \"{article.Slug}\" is not usable: lowercase letters, digits and hyphens, at most {ArticleLimits.Slug} characters.");
        }
        Check(problems, article.Headline, ArticleLimits.Headline, "A headline");
        Check(problems, article.Dek, ArticleLimits.Dek, "The standfirst (dek)");
        Check(problems, article.Excerpt, ArticleLimits.Excerpt, "An excerpt");
        Check(problems, article.Password, ArticleLimits.Password, "A story's password");
        if (article.FeaturedImage is { } image)
        {
            Check(problems, image.Url, ArticleLimits.ImageUrl, "A featured image address");
            Check(problems, image.Alt, ArticleLimits.ImageAlt, "Alt text");
            Check(problems, image.Caption, ArticleLimits.ImageCaption, "A caption");
            Check(problems, image.Credit, ArticleLimits.ImageCredit, "A credit");
            Check(problems, image.Srcset, ArticleLimits.ImageSrcset, "An image's list of sizes");
        }
        return problems;
    }

    private static void Check(List<string> problems, string? text, int limit, string what)
    {
        if (text is { } value && value.Length > limit)
        {
            problems.Add($"{what} has at most {limit:N0} characters; this one has {value.Length:N0}.");
        }
    }
}

/// <summary>A bulk writer handed the pipeline an article no stored article may be; such writers clip to the limits first.</summary>
public sealed class ArticleRejectedException(string slug, IReadOnlyList<string> problems)
    : Exception($"The article \"{slug}\" was not saved: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}