using System.Linq.Expressions;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles;

/// <summary>
/// The reads behind the public pages. Every method issues a fixed number of queries,
/// whatever the number of articles, authors or tags involved (a test counts them).
/// </summary>
public sealed class ArticleQueries(HeraldDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A card: a password-protected story shows its headline and byline only (<see cref="ArticleSummary.IsProtected"/>).
    /// Read as one statement (the byline joined in, a card row repeated per author), not split in
    /// two: the card is narrow and its byline short, and on PostgreSQL a second statement is a second round trip.
    /// </summary>
    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary(
        a.Id, a.Slug, a.Headline, a.Password != null ? null : a.Dek, a.Password != null ? null : a.Excerpt, a.PublishedAt!.Value, a.UpdatedAt, a.WordCount,
        a.PrimaryCategory != null ? a.PrimaryCategory.Name : null,
        a.PrimaryCategory != null ? a.PrimaryCategory.Slug : null,
        a.FeaturedImage != null ? a.FeaturedImage.Url : null,
        a.FeaturedImage != null ? a.FeaturedImage.Alt : null,
        a.Authors.OrderBy(b => b.Position).Select(b => new BylineName(b.Author.Name, b.Author.Slug)).ToList(),
        a.CommentCount,
        a.FeaturedImage != null ? a.FeaturedImage.Srcset : null,
        a.Password != null,
        a.FeaturedImage != null ? a.FeaturedImage.FocusX : Media.FocalPoint.Middle,
        a.FeaturedImage != null ? a.FeaturedImage.FocusY : Media.FocalPoint.Middle);

    /// <summary>
    /// The stories a reader may see: published, and not in the future. Standing pages (About,
    /// Contact) are left out: they are not news, so lists, feeds and sitemaps of stories skip them.
    /// </summary>
    public IQueryable<Article> Published() => PublishedOfAnyKind().Where(a => a.Kind == ArticleKind.Story);

    /// <summary>The standing pages a reader may see, served at /{slug}.</summary>
    public IQueryable<Article> PublishedPages() => PublishedOfAnyKind().Where(a => a.Kind == ArticleKind.Page);

    /// <summary>Stories and standing pages a reader may see (what readers may comment on): <see cref="PublicArticles"/>.</summary>
    public IQueryable<Article> PublishedOfAnyKind() => db.Articles.AsNoTracking().WherePublic(clock.GetUtcNow().UtcDateTime);

    /// <summary>A story as its page shows it, in two statements (<see cref="ShownArticle"/>).</summary>
    public async Task<Article?> FindPublishedBySlugAsync(string slug, CancellationToken ct) =>
        await ShownArticle.FirstOrDefaultAsync(Published().Where(a => a.Slug == slug), ct);

    public async Task<Article?> FindPublishedPageAsync(string slug, CancellationToken ct) =>
        await PublishedPages().WithByline().FirstOrDefaultAsync(a => a.Slug == slug, ct);

    /// <summary>The current slug of an article that once lived at <paramref name="oldSlug"/>.</summary>
    public async Task<(DateTime PublishedAt, string Slug)?> FindMovedAsync(string oldSlug, CancellationToken ct)
    {
        var moved = await Published()
            .Where(a => a.OldSlugs.Any(o => o.Slug == oldSlug))
            .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Slug })
            .FirstOrDefaultAsync(ct);
        return moved is null ? null : (moved.PublishedAt, moved.Slug);
    }

    /// <summary>
    /// Whether a story readers could see at <paramref name="slug"/> (its own or an old one) is in the
    /// newsroom's trash: its address then answers 410 Gone rather than 404, until it comes back.
    /// A story that was never public stays a plain 404, so the trash tells no one of unpublished work.
    /// </summary>
    public Task<bool> WasRemovedAsync(string slug, CancellationToken ct) =>
        db.Articles.AsNoTracking().AnyAsync(a => a.Status == ArticleStatus.Trashed && a.StatusBeforeTrash == ArticleStatus.Published
            && (a.Slug == slug || a.OldSlugs.Any(o => o.Slug == slug)), ct);

    public async Task<PagedList<ArticleSummary>> ListAsync(IQueryable<Article> source, int page, int pageSize, CancellationToken ct)
    {
        var total = await source.CountAsync(ct);
        var items = await source
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(ToSummary).SplitOnSqlite(db)
            .ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, pageSize, total);
    }

    /// <summary>
    /// The stories of one section, tag or author archive whose time has come, read from
    /// <see cref="ArchiveEntry"/>: an index range on (kind, owner, date) that the count reads without
    /// touching an article, and that a page walks newest first to its ten ids.
    /// </summary>
    public IQueryable<ArchiveEntry> PublicEntries(ArchiveKind kind)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ArchiveEntries.AsNoTracking().Where(e => e.Kind == kind && e.PublishedAt <= now);
    }

    /// <summary>
    /// One page of a section, tag or author archive: the count and the page's ids from the archive
    /// index, then the cards of those ids (three queries, as <see cref="ListAsync"/>). The cards still
    /// pass <see cref="Published"/>, so a row the triggers left behind could shorten a page but never
    /// show a story a reader may not see.
    /// </summary>
    public async Task<PagedList<ArticleSummary>> ArchiveAsync(ArchiveKind kind, int ownerId, int page, int pageSize, CancellationToken ct)
    {
        var entries = PublicEntries(kind).Where(e => e.OwnerId == ownerId);
        var total = await entries.CountAsync(ct);
        var pageIds = entries.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.ArticleId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => e.ArticleId);
        var items = await Published().Where(a => pageIds.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(ToSummary).SplitOnSqlite(db)
            .ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, pageSize, total);
    }

    /// <summary>
    /// The home page's list: stories an editor made sticky first (the newest of them, a page at most),
    /// then every other story, newest first. The sticky ones are read apart so that the long list
    /// keeps walking the publication-date index rather than sorting the whole archive.
    /// </summary>
    public async Task<PagedList<ArticleSummary>> HomeListAsync(int page, int pageSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sticky = await HomeListQueries.StickyAsync(db, now, pageSize, ct);
        var total = await HomeListQueries.CountAsync(db, now);
        var first = page == 1 ? sticky : [];
        var skip = Math.Max(0, (page - 1) * pageSize - sticky.Count);
        var take = pageSize - first.Count;
        // When every sticky story made the list (all but a site with a page of them), the rest are simply the
        // stories not sticky, a compiled query of fixed shape. A list of ids in the SQL changed its text with
        // the list, so EF Core wrote the statement afresh on each request.
        if (sticky.Count < pageSize)
        {
            return new PagedList<ArticleSummary>([.. first, .. await HomeListQueries.NotStickyAsync(db, now, skip, take, ct)], page, pageSize, total);
        }
        var stickyIds = sticky.Select(a => a.Id).ToList();
        var items = await Published().Where(a => !stickyIds.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(skip).Take(take)
            .Select(ToSummary).SplitOnSqlite(db).ToListAsync(ct);
        return new PagedList<ArticleSummary>([.. first, .. items], page, pageSize, total);
    }

    /// <summary>
    /// The newer and older article in the same primary section, in one statement: the cards of the
    /// two ids each side's index walk finds first. A card older than the article is the previous one.
    /// </summary>
    public async Task<(ArticleSummary? Previous, ArticleSummary? Next)> NeighboursAsync(Article article, CancellationToken ct)
    {
        if (article.PrimaryCategoryId is not { } categoryId || article.PublishedAt is not { } at)
        {
            return (null, null);
        }
        var id = article.Id;
        var section = Published().Where(a => a.PrimaryCategoryId == categoryId && a.Id != id);
        var previousId = section
            .Where(a => a.PublishedAt < at || (a.PublishedAt == at && a.Id < id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id).Take(1);
        var nextId = section
            .Where(a => a.PublishedAt > at || (a.PublishedAt == at && a.Id > id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => a.Id).Take(1);
        // One id list (UNION ALL), not "in the first or in the second": SQLite answers the OR form by walking
        // every published story and testing each against both, about 2 ms at 5,000 stories against a
        // lookup of two rows; PostgreSQL plans both forms the same.
        var neighbourIds = previousId.Concat(nextId);
        var cards = await Published().Where(a => neighbourIds.Contains(a.Id))
            .Select(ToSummary).SplitOnSqlite(db).ToListAsync(ct);
        static bool Older(ArticleSummary card, DateTime at, int id) => card.PublishedAt < at || (card.PublishedAt == at && card.Id < id);
        return (cards.FirstOrDefault(c => Older(c, at, id)), cards.FirstOrDefault(c => !Older(c, at, id)));
    }

    /// <summary>
    /// The latest few articles of every section in one statement, whatever the number of sections or
    /// articles: the cards of the ids a UNION ALL of per-section LIMIT queries picks (each an index
    /// range scan on Status, PrimaryCategoryId, PublishedAt). The stories the page already shows
    /// (<paramref name="shown"/>) are left out here, not in the SQL: a section reads as many more as
    /// the shown list holds of its own, since a card's section is its primary one. A list of ids in
    /// the SQL made its text depend on the list, so EF Core wrote the whole union afresh on every
    /// request (close to a third of this method's CPU, bench/RESULTS.md). EF Core writes each limit into
    /// the SQL as a number, so the text changes only when what page one shows moves between sections.
    /// </summary>
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(IReadOnlyList<SectionLink> sections, int perSection,
        IReadOnlyCollection<ArticleSummary> shown, CancellationToken ct)
    {
        if (sections.Count == 0)
        {
            return [];
        }
        var published = Published();
        IQueryable<SectionPick>? picks = null;
        foreach (var section in sections)
        {
            var id = section.Id;
            var take = perSection + shown.Count(card => card.CategorySlug == section.Slug);
            var latest = published.Where(a => a.PrimaryCategoryId == id)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(take)
                .Select(a => new SectionPick { SectionId = id, ArticleId = a.Id, PublishedAt = a.PublishedAt!.Value });
            picks = picks is null ? latest : picks.Concat(latest);
        }
        // The picks stay inside the statement that reads their cards: one round trip, not two. A card's
        // section is its primary one, the section that picked it.
        var ids = picks!.Select(p => p.ArticleId);
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ToSummary).SplitOnSqlite(db).ToListAsync(ct);
        var shownIds = shown.Select(card => card.Id).ToHashSet();
        return sections
            .Select(section => new HomeSection(section.Name, section.Slug, cards
                .Where(card => card.CategorySlug == section.Slug && !shownIds.Contains(card.Id))
                .OrderByDescending(card => card.PublishedAt).ThenByDescending(card => card.Id)
                .Take(perSection)
                .ToList()))
            .Where(section => section.Articles.Count > 0)
            .ToList();
    }

    /// <summary>A settable class, not a positional record: EF translates set operations only over member-init projections.</summary>
    private sealed class SectionPick
    {
        public int SectionId { get; init; }
        public int ArticleId { get; init; }
        public DateTime PublishedAt { get; init; }
    }
}

public sealed record HomeSection(string Name, string Slug, IReadOnlyList<ArticleSummary> Articles);

/// <summary>
/// Cards read from SQLite keep their byline in a second statement. SQLite plans the joined form
/// badly: about 4 ms a card query at 5,000 stories against well under 1 ms split, which made its
/// uncached pages 2–3× slower (bench/RESULTS.md). On SQLite a statement is no round trip, so nothing
/// is lost; PostgreSQL keeps the one statement and saves the trip.
/// </summary>
public static class CardQueries
{
    public static IQueryable<ArticleSummary> SplitOnSqlite(this IQueryable<ArticleSummary> cards, HeraldDbContext db) =>
        db.Database.IsSqlite() ? cards.AsSplitQuery() : cards;
}