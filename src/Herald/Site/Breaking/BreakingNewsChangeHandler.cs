using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Site.Breaking;

/// <summary>
/// Keeps the banner true to its story: a story that leaves the site (unpublished, deleted, moved
/// out of public view) takes its banner down, and a new headline or address shows at once. Either
/// way every page carries the banner, so the write evicts the whole site.
/// </summary>
public sealed class BreakingNewsChangeHandler(HeraldDbContext db, BreakingNewsState state, SiteState site, TimeProvider clock) : IArticleChangeHandler
{
    public async Task OnArticleChangedAsync(ArticleChange change, CancellationToken ct)
    {
        var article = change.Article;
        var shown = await state.GetAsync(ct);
        var isShown = shown?.ArticleId == article.Id;
        if (change.Kind != ArticleChangeKind.Deleted && PublicArticles.IsPublic(article, clock.GetUtcNow().UtcDateTime))
        {
            if (isShown && (shown!.Headline != article.Headline || shown.Url != await UrlAsync(article, ct)))
            {
                change.AlsoEvict.Add(CacheTags.Site);
            }
            return;
        }
        // Only a story that was public, or is on the banner now, can have a banner to take down.
        if (change.Kind != ArticleChangeKind.Deleted && (isShown || change.PreviousCacheTags.Count > 0)
            && await db.BreakingNews.FirstOrDefaultAsync(b => b.ArticleId == article.Id, ct) is { } row)
        {
            db.Remove(row);
            change.AlsoEvict.Add(CacheTags.Site);
        }
        else if (isShown)
        {
            // Deleted: the row went with the story; the pages showing its banner must go too.
            change.AlsoEvict.Add(CacheTags.Site);
        }
    }

    private async Task<string> UrlAsync(Article article, CancellationToken ct) =>
        ArticleUrls.For(article.Kind, article.PublishedAt, article.Slug, (await site.GetAsync(ct)).Settings.TimeZone);
}