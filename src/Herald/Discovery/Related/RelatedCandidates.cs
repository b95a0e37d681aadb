using Herald.Articles;
using Herald.Storage;
using Herald.Text;
using Herald.Understanding;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Related;

public sealed record ScoredCandidate(int ArticleId, double Score, string Reasons);

/// <summary>
/// Finds and scores the articles that may relate to one article, reading only bounded slices of
/// the index: the strongest postings of each of its top terms and the latest stories of each of
/// its tags and of the people and organisations it names. The work depends on the article, not
/// on how many articles the archive holds.
/// </summary>
public sealed class RelatedCandidates(HeraldDbContext db, ArticleQueries articles)
{
    private const int TermsLookedUp = 12;
    private const int PostingsPerTerm = 150;
    private const int ArticlesPerTag = 40;
    private const int TagsLookedUp = 8;
    private const int CandidatesScored = 80;
    private const int EntitiesLookedUp = 6;
    private const int ArticlesPerEntity = 40;

    /// <summary>
    /// How many of a tag's or a person's highest article ids are read to find their newest
    /// published stories: a bounded slice of the join table's index instead of a walk back
    /// through the archive, which for a rarely used tag would reach its very first story.
    /// </summary>
    private const int NewestIdsRead = 60;

    public async Task<List<ScoredCandidate>> FindAsync(int articleId, DateTime publishedAt, int? sectionId, IReadOnlyList<int> tagIds,
        IReadOnlyDictionary<string, double> vector, CancellationToken ct)
    {
        var similarity = new Dictionary<int, double>();
        var sharedTerms = new Dictionary<int, List<string>>();
        var topTerms = vector.OrderByDescending(v => v.Value).Take(TermsLookedUp).ToList();
        // One statement for all the terms' postings (a UNION ALL of bounded index reads), summed per
        // article in the database: only the best candidates come back, not some 1,800 postings.
        var candidates = topTerms.Count == 0 ? [] : await topTerms
            .Select(t => PostingsOf(t.Key, t.Value, articleId))
            .Aggregate((all, next) => all.Concat(next))
            .GroupBy(p => p.ArticleId)
            .Select(g => new { ArticleId = g.Key, Similarity = g.Sum(p => p.Score), Terms = string.Join(" ", g.Select(p => p.Term)) })
            .OrderByDescending(c => c.Similarity).ThenByDescending(c => c.ArticleId).Take(CandidatesScored)
            .ToListAsync(ct);
        var weights = topTerms.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            similarity[candidate.ArticleId] = candidate.Similarity;
            sharedTerms[candidate.ArticleId] = [.. candidate.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }
        // A password-protected story is never offered as related: the evidence would tell what its words say.
        var published = articles.Published().Where(a => a.Password == null);

        // The people and organisations the story names (found by Understanding, which runs first):
        // articles naming the same ones are candidates too, and sharing them is evidence.
        // Only those a public page may name: the evidence is shown to readers.
        var entityIds = await db.Set<EntityMention>().AsNoTracking().Shown()
            .Where(m => m.ArticleId == articleId && m.Entity.Type != EntityType.Place)
            .OrderByDescending(m => m.Count).Take(EntitiesLookedUp).Select(m => m.EntityId).ToListAsync(ct);

        // The latest stories of each tag and of each person or organisation, in one statement.
        var sameTagOrEntity = tagIds.Take(TagsLookedUp)
            .Select(tagId => Newest(published, db.Set<Dictionary<string, object>>("ArticleTags")
                .Where(t => EF.Property<int>(t, "TagsId") == tagId).Select(t => EF.Property<int>(t, "ArticlesId")), articleId, ArticlesPerTag))
            .Concat(entityIds.Select(entityId => Newest(published, db.Set<EntityMention>()
                .Where(m => m.EntityId == entityId).Select(m => m.ArticleId), articleId, ArticlesPerEntity)))
            .ToList();
        if (sameTagOrEntity.Count > 0)
        {
            foreach (var id in await sameTagOrEntity.Aggregate((all, next) => all.Concat(next)).ToListAsync(ct))
            {
                similarity.TryAdd(id, 0);
            }
        }

        var ids = similarity.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).Take(CandidatesScored).Select(s => s.Key).ToList();
        var facts = await published.Where(a => EF.Parameter(ids).Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                PublishedAt = a.PublishedAt!.Value,
                a.PrimaryCategoryId,
                SectionName = a.PrimaryCategory != null ? a.PrimaryCategory.Name : null,
            })
            .ToListAsync(ct);
        // Only the tags and names the story shares are evidence: read just those links of the
        // candidates, not every tag and mention of 80 stories, in the order the evidence lists them.
        var sharedTags = (tagIds.Count == 0 ? [] : await db.Set<Dictionary<string, object>>("ArticleTags")
                .Where(t => EF.Parameter(ids).Contains(EF.Property<int>(t, "ArticlesId")) && EF.Parameter(tagIds).Contains(EF.Property<int>(t, "TagsId")))
                .Join(db.Tags, t => EF.Property<int>(t, "TagsId"), tag => tag.Id, (t, tag) => new { ArticleId = EF.Property<int>(t, "ArticlesId"), tag.Id, tag.Name })
                .OrderBy(t => t.ArticleId).ThenBy(t => t.Id)
                .Select(t => new SharedName(t.ArticleId, t.Name, EntityType.Person))
                .ToListAsync(ct))
            .ToLookup(t => t.ArticleId);
        var sharedEntities = (entityIds.Count == 0 ? [] : await db.Set<EntityMention>()
                .Where(m => EF.Parameter(ids).Contains(m.ArticleId) && EF.Parameter(entityIds).Contains(m.EntityId))
                .OrderBy(m => m.ArticleId).ThenBy(m => m.EntityId)
                .Select(m => new SharedName(m.ArticleId, m.Entity.Name, m.Entity.Type))
                .ToListAsync(ct))
            .ToLookup(m => m.ArticleId);

        var scored = new List<ScoredCandidate>();
        foreach (var fact in facts)
        {
            var evidence = new List<RelatedEvidence>();
            evidence.AddRange(sharedTerms.GetValueOrDefault(fact.Id, []).OrderByDescending(t => weights[t]).ThenBy(t => t, StringComparer.Ordinal).Take(6).Select(t => new RelatedEvidence("term", t, 0)));
            evidence.AddRange(sharedTags[fact.Id].Select(t => new RelatedEvidence("tag", t.Name, RelatedScoring.SharedTag)));
            evidence.AddRange(sharedEntities[fact.Id].Select(e => new RelatedEvidence(
                e.Type == EntityType.Person ? "person" : "organisation", e.Name, RelatedScoring.SharedEntity)));
            if (sectionId is not null && fact.PrimaryCategoryId == sectionId)
            {
                evidence.Add(new RelatedEvidence("section", fact.SectionName ?? "", RelatedScoring.SameSection));
            }
            var score = RelatedScoring.Score(similarity[fact.Id], evidence, publishedAt, fact.PublishedAt);
            // A shared section alone is not a relation; some content, a tag or a person must be shared.
            if (similarity[fact.Id] > 0.02 || evidence.Any(e => e.Kind is "tag" or "person" or "organisation"))
            {
                scored.Add(new ScoredCandidate(fact.Id, Math.Round(score, 4), RelatedScoring.Explain(evidence)));
            }
        }
        return scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.ArticleId).ToList();
    }

    /// <summary>A tag or a named entity a candidate shares with the story (a tag's type is not read).</summary>
    private sealed record SharedName(int ArticleId, string Name, EntityType Type);

    // Member-initialised, not a positional record: EF translates set operations only over such projections.
    private sealed class Posting
    {
        public int ArticleId { get; init; }
        public string Term { get; init; } = "";
        public double Score { get; init; }
    }

    /// <summary>The strongest postings of one term, each weighted by the term's weight in the article at hand.</summary>
    private IQueryable<Posting> PostingsOf(string term, double weight, int articleId) =>
        db.ArticleTerms.Where(t => t.Term == term && t.ArticleId != articleId)
            .OrderByDescending(t => t.Weight).Take(PostingsPerTerm)
            .Select(t => new Posting { ArticleId = t.ArticleId, Term = t.Term, Score = t.Weight * weight });

    /// <summary>
    /// The newest published stories among the highest ids of a tag's or an entity's articles.
    /// Ids follow the order articles were created in, so the highest ids are the recent ones;
    /// recency decides the score later anyway, this only gathers candidates.
    /// </summary>
    /// <remarks>
    /// Written as "stories whose id is in the slice", not as a join with it: with the join and the
    /// password condition (a column no index holds), SQLite walked the published stories newest
    /// first through the date index and probed the slice for each, a walk that grows with the
    /// archive; this form looks the slice's ids up one by one (7 slices of a story at 1,000
    /// stories: 15 ms → 3 ms).
    /// </remarks>
    private static IQueryable<int> Newest(IQueryable<Article> published, IQueryable<int> articleIds, int articleId, int take)
    {
        var highest = articleIds.OrderByDescending(id => id).Take(NewestIdsRead);
        return published.Where(a => highest.Contains(a.Id) && a.Id != articleId)
            .OrderByDescending(a => a.PublishedAt).Select(a => a.Id).Take(take);
    }
}