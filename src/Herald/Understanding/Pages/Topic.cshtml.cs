using Herald.Articles;
using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Herald.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding.Pages;

/// <summary>
/// A person's, organisation's or place's page: everything they said across the archive, newest
/// first, each quote linking to its place, and the articles that mention them.
/// </summary>
[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class TopicModel(ArticleQueries articles, HeraldDbContext db, SiteState site) : PageModel
{
    public const int MaxQuotes = 100;

    public NamedEntity Entity { get; private set; } = null!;
    public IReadOnlyList<QuoteLine> Quotes { get; private set; } = [];
    public PagedList<ArticleSummary> Mentions { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string BasePath { get; private set; } = "";

    public sealed record QuoteLine(string Text, string? Cue, QuoteKind Kind, string ArticleHeadline, string ArticleSlug, DateTime PublishedAt);

    public async Task<IActionResult> OnGetAsync(string kind, string slug, [FromQuery(Name = "page")] string? pageParameter, CancellationToken ct)
    {
        if (!PageNumber.TryParse(pageParameter, out var page))
        {
            return BadRequest();
        }
        if (ArticleUrls.TopicType(kind) is not { } type || slug.Length > 200)
        {
            return NotFound();
        }
        // What the analysis found in a password-protected story is part of its words: no topic page shows it.
        var published = articles.Published().Where(a => a.Password == null);
        // An entity named only in articles readers cannot see, or not sure enough to publish, has no page.
        var shown = db.Set<EntityMention>().Shown();
        var entity = await db.Set<NamedEntity>().AsNoTracking().Include(e => e.Aliases)
            .Where(e => shown.Any(m => m.EntityId == e.Id && published.Any(a => a.Id == m.ArticleId)))
            .FirstOrDefaultAsync(e => e.Type == type && e.Slug == slug, ct);
        if (entity is null)
        {
            return await MovedAsync(type, slug, shown, published, ct) is { } moved ? RedirectPermanent(moved) : NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        (Entity, Zone, BasePath) = (entity, snapshot.Settings.TimeZone, ArticleUrls.Topic(type, slug));

        Quotes = await db.Set<ArticleQuote>().AsNoTracking().Attributed()
            .Where(q => q.SpeakerId == entity.Id && published.Any(a => a.Id == q.ArticleId))
            .OrderByDescending(q => q.Article.PublishedAt).ThenBy(q => q.Start)
            .Take(MaxQuotes)
            .Select(q => new QuoteLine(q.Text, q.Cue, q.Kind, q.Article.Headline, q.Article.Slug, q.Article.PublishedAt!.Value))
            .ToListAsync(ct);
        var mentioning = shown.Where(m => m.EntityId == entity.Id).Select(m => m.ArticleId);
        Mentions = await articles.ListAsync(published.Where(a => mentioning.Contains(a.Id)), page, snapshot.Settings.PostsPerPage, ct);
        if (page > Mentions.PageCount)
        {
            return NotFound();
        }
        HttpContext.TagResponse(CacheTags.Topic(entity.Id));
        return Page();
    }

    /// <summary>
    /// The page an editor's merge or retype moved this address to, when readers may see it: links
    /// and search engines follow a permanent redirect; a survivor without a page leaves a 404.
    /// </summary>
    private async Task<string?> MovedAsync(EntityType type, string slug, IQueryable<EntityMention> shown, IQueryable<Article> published, CancellationToken ct)
    {
        var redirects = db.Set<Corrections.EntityRedirect>().Where(r => r.Type == type && r.Slug == slug);
        var target = await db.Set<NamedEntity>().AsNoTracking()
            .Where(e => redirects.Any(r => r.EntityId == e.Id) && shown.Any(m => m.EntityId == e.Id && published.Any(a => a.Id == m.ArticleId)))
            .Select(e => new { e.Type, e.Slug }).FirstOrDefaultAsync(ct);
        return target is null ? null : ArticleUrls.Topic(target.Type, target.Slug);
    }
}