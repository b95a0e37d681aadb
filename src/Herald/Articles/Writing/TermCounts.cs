using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles.Writing;

/// <summary>
/// The number of public stories filed under each section and tag, stored on its row
/// (<see cref="Category.PublicStoryCount"/>, <see cref="Tag.PublicStoryCount"/>) so that lists
/// showing it (the WordPress API's categories and tags) read a column instead of counting on
/// every request. <see cref="ArticlePipeline"/> recounts, inside each write's transaction, the
/// terms its articles were filed under before and after: publishing, unpublishing, deleting and
/// re-tagging all land there, whoever writes (newsroom, schedule, API, import, demo).
/// </summary>
/// <remarks>
/// A recount counts the rows, it does not add or subtract one: two writers touching the same tag
/// at once cannot drift it, since the later transaction counts what the earlier one committed.
/// </remarks>
public static class TermCounts
{
    /// <summary>Recounts the terms the changed articles were filed under before the changes and are now.</summary>
    public static async Task UpdateAsync(HeraldDbContext db, IReadOnlyList<ArticleChange> changes, DateTime nowUtc, CancellationToken ct)
    {
        var categories = new HashSet<int>();
        var tags = new HashSet<int>();
        foreach (var change in changes)
        {
            categories.UnionWith(change.TermsBefore.Categories);
            tags.UnionWith(change.TermsBefore.Tags);
            if (change.Kind != ArticleChangeKind.Deleted)
            {
                var now = ArticleTerms.Of(change.Article);
                categories.UnionWith(now.Categories);
                tags.UnionWith(now.Tags);
            }
        }
        if (categories.Count > 0)
        {
            await RecountAsync(db.Categories.Where(c => categories.Contains(c.Id)), nowUtc, ct);
        }
        if (tags.Count > 0)
        {
            await RecountAsync(db.Tags.Where(t => tags.Contains(t.Id)), nowUtc, ct);
        }
    }

    /// <summary>Recounts every section and tag: for rows written without the pipeline (a restored backup, test seeds).</summary>
    public static async Task RecountAllAsync(HeraldDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        await RecountAsync(db.Categories, nowUtc, ct);
        await RecountAsync(db.Tags, nowUtc, ct);
    }

    private static Task<int> RecountAsync(IQueryable<Category> categories, DateTime nowUtc, CancellationToken ct)
    {
        var isPublic = PublicArticles.At(nowUtc);
        return categories.ExecuteUpdateAsync(set => set.SetProperty(
            c => c.PublicStoryCount, c => c.Articles.AsQueryable().Where(isPublic).Count(a => a.Kind == ArticleKind.Story)), ct);
    }

    private static Task<int> RecountAsync(IQueryable<Tag> tags, DateTime nowUtc, CancellationToken ct)
    {
        var isPublic = PublicArticles.At(nowUtc);
        return tags.ExecuteUpdateAsync(set => set.SetProperty(
            t => t.PublicStoryCount, t => t.Articles.AsQueryable().Where(isPublic).Count(a => a.Kind == ArticleKind.Story)), ct);
    }
}