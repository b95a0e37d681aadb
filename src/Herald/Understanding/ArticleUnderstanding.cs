using Herald.Articles;
using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding;

/// <summary>
/// Reads an article with Herald.Text and stores what it found: the people, organisations and
/// places it mentions (merged with those the site already knows), its quotes with their speakers,
/// and its key figures. Runs on publish and edit; replaces the article's earlier findings.
/// </summary>
public sealed class ArticleUnderstanding(HeraldDbContext db, KnownEntityCache known, ArticleBody articleBody)
{
    /// <summary>Set once this context has stored names not yet committed, which the shared cache cannot know.</summary>
    private bool addedNames;

    /// <summary>Returns the ids of every entity whose page changed (before and after), for cache eviction.</summary>
    public async Task<IReadOnlyCollection<int>> AnalyzeAsync(int articleId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId, ct);
        return article is null ? [] : await AnalyzeTextAsync(articleId, TextOf(article, () => articleBody.PlainText(article)), ct);
    }

    /// <summary>Analyses an article whose body's plain text the caller has at hand (the write pipeline rendered it).</summary>
    public Task<IReadOnlyCollection<int>> AnalyzeAsync(Article article, Func<string> plainText, CancellationToken ct) =>
        AnalyzeTextAsync(article.Id, TextOf(article, plainText), ct);

    /// <summary>Herald.Text reads Markdown or plain text; an HTML body (imported) is read as its text.</summary>
    private static string TextOf(Article article, Func<string> plainText) =>
        article.BodyFormat == BodyFormat.Html ? plainText() : article.BodySource;

    private async Task<IReadOnlyCollection<int>> AnalyzeTextAsync(int articleId, string body, CancellationToken ct)
    {
        var analysis = NewsAnalyzer.Analyze(body, new AnalyzerOptions { KnownEntities = await KnownAsync(ct) });

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var touched = await ForgetAsync(articleId, ct);
            var resolved = new Dictionary<Entity, NamedEntity>();
            foreach (var found in analysis.Entities)
            {
                resolved[found] = await ResolveAsync(found, ct);
            }
            await db.SaveChangesAsync(ct);

            foreach (var group in resolved.GroupBy(pair => pair.Value))
            {
                db.Set<EntityMention>().Add(new EntityMention
                {
                    ArticleId = articleId,
                    EntityId = group.Key.Id,
                    Count = group.Sum(pair => pair.Key.Mentions),
                    Confident = group.Any(pair => pair.Key.IsConfident),
                });
                touched.Add(group.Key.Id);
            }
            var speakers = resolved.Where(pair => pair.Key.Type == EntityType.Person)
                .GroupBy(pair => pair.Key.Name).ToDictionary(g => g.Key, g => g.First().Value);
            foreach (var quote in analysis.Quotes)
            {
                db.Set<ArticleQuote>().Add(new ArticleQuote
                {
                    ArticleId = articleId,
                    SpeakerId = quote.Speaker is { } name && speakers.TryGetValue(name, out var speaker) ? speaker.Id : null,
                    SpeakerConfident = quote.IsConfident,
                    Text = Limit(quote.Text, 4000),
                    Cue = quote.Cue is null ? null : Limit(quote.Cue, 100),
                    Kind = quote.Kind,
                    Start = quote.Start,
                    End = quote.End,
                });
            }
            foreach (var figure in analysis.Figures)
            {
                db.Set<ArticleFigure>().Add(new ArticleFigure
                {
                    ArticleId = articleId,
                    Text = Limit(figure.Text, 300),
                    Value = figure.Value,
                    Unit = Limit(figure.Unit, 40),
                    Scale = figure.Scale,
                    Period = figure.Period is null ? null : Limit(figure.Period, 100),
                    Start = figure.Start,
                    End = figure.End,
                });
            }
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
                // Inside a writer's transaction the names are news only once it commits: the writer declares the tag then.
                known.Invalidate();
            }
            return touched;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The names the analyzer may resolve to. Once this context has stored new ones inside a
    /// transaction not yet committed (a batch of stories analysed oldest first), they are read
    /// through the context itself, which sees them, so each story knows the names earlier ones brought.
    /// </summary>
    private async Task<IReadOnlyList<KnownEntity>> KnownAsync(CancellationToken ct) =>
        addedNames && db.Database.CurrentTransaction is not null ? await KnownEntityCache.LoadAsync(db, ct) : await known.GetAsync(ct);

    /// <summary>Removes the article's earlier findings; returns the entities they named.</summary>
    public async Task<HashSet<int>> ForgetAsync(int articleId, CancellationToken ct)
    {
        // Bulk deletes bypass the change tracker: let go of any rows it still holds from an earlier run.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is EntityMention or ArticleQuote or ArticleFigure).ToList())
        {
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        var before = await db.Set<EntityMention>().Where(m => m.ArticleId == articleId).Select(m => m.EntityId).ToListAsync(ct);
        await db.Set<EntityMention>().Where(m => m.ArticleId == articleId).ExecuteDeleteAsync(ct);
        await db.Set<ArticleQuote>().Where(q => q.ArticleId == articleId).ExecuteDeleteAsync(ct);
        await db.Set<ArticleFigure>().Where(f => f.ArticleId == articleId).ExecuteDeleteAsync(ct);
        return [.. before];
    }

    /// <summary>The stored entity any of whose names this one carries, or a new one.</summary>
    private async Task<NamedEntity> ResolveAsync(Entity found, CancellationToken ct)
    {
        var names = new[] { found.Name }.Concat(found.Aliases)
            .Where(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 300)
            .DistinctBy(EntityAlias.Fold).ToList();
        var folded = names.Select(EntityAlias.Fold).ToList();
        var tracked = db.ChangeTracker.Entries<NamedEntity>().Select(e => e.Entity)
            .FirstOrDefault(e => e.Type == found.Type && e.Aliases.Any(a => folded.Contains(a.Folded)));
        var entity = tracked ?? await db.Set<NamedEntity>().Include(e => e.Aliases)
            .Where(e => e.Type == found.Type && e.Aliases.Any(a => folded.Contains(a.Folded)))
            .FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            addedNames = true;
            entity = new NamedEntity { Type = found.Type, Name = Limit(found.Name, 300), Slug = await UniqueSlugAsync(found.Type, found.Name, ct) };
            db.Set<NamedEntity>().Add(entity);
        }
        else if (found.Name.Length > entity.Name.Length && found.Name.Length <= 300)
        {
            // The fullest name is the one a reader recognises: "Ingrid Solberg", not "Solberg".
            entity.Name = found.Name;
        }
        foreach (var name in names.Where(n => entity.Aliases.All(a => a.Folded != EntityAlias.Fold(n))))
        {
            addedNames = true;
            entity.Aliases.Add(new EntityAlias { Name = name, Folded = EntityAlias.Fold(name) });
        }
        return entity;
    }

    private ValueTask<string> UniqueSlugAsync(EntityType type, string name, CancellationToken ct) =>
        Slugs.UniqueAsync(Slugs.From(name), async slug =>
            db.ChangeTracker.Entries<NamedEntity>().Any(e => e.Entity.Type == type && e.Entity.Slug == slug)
            || await db.Set<NamedEntity>().AnyAsync(e => e.Type == type && e.Slug == slug, ct));

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}