using Herald.Articles;
using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding;

/// <summary>An entity as the article page lists it: quoted speakers first, then the most mentioned.</summary>
public sealed record StoryTopic(string Name, EntityType Type, string Slug, bool Quoted)
{
    public string Url => ArticleUrls.Topic(Type, Slug);
}

public sealed class TopicQueries(HeraldDbContext db)
{
    public const int MaxPerArticle = 12;

    /// <summary>One query, whatever the number of entities the article names.</summary>
    public async Task<IReadOnlyList<StoryTopic>> ForArticleAsync(int articleId, CancellationToken ct)
    {
        var quotes = db.Set<ArticleQuote>().Where(q => q.ArticleId == articleId).Attributed();
        return await db.Set<EntityMention>().AsNoTracking()
            .Where(m => m.ArticleId == articleId).Shown()
            .Select(m => new { m.Entity, m.Count, Quoted = quotes.Any(q => q.SpeakerId == m.EntityId) })
            .OrderByDescending(m => m.Quoted).ThenByDescending(m => m.Count).ThenBy(m => m.Entity.Name)
            .Take(MaxPerArticle)
            .Select(m => new StoryTopic(m.Entity.Name, m.Entity.Type, m.Entity.Slug, m.Quoted))
            .ToListAsync(ct);
    }
}