using Herald.Articles;
using Herald.Storage;
using Herald.Text;
using Herald.Understanding.Corrections;
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

    private RunningNames? running;

    /// <summary>
    /// Reads stories again inside an editor's correction, in its transaction, once the correction's
    /// rulings are saved there: the names handed to the analyzer come from this context, which sees
    /// the correction before it commits. Returns the ids of every entity whose page changed.
    /// </summary>
    public async Task<HashSet<int>> AnalyzeAgainAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        addedNames = true;
        var touched = new HashSet<int>();
        foreach (var articleId in articleIds)
        {
            touched.UnionWith(await AnalyzeAsync(articleId, ct));
        }
        return touched;
    }

    /// <summary>Returns the ids of every entity whose page changed (before and after), for cache eviction.</summary>
    public async Task<IReadOnlyCollection<int>> AnalyzeAsync(int articleId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId, ct);
        return article is null ? [] : await AnalyzeTextAsync(articleId, TextOf(article, () => articleBody.PlainText(article)), ct);
    }

    /// <summary>
    /// Analyses an article whose body's plain text the caller has at hand (the write pipeline rendered it).
    /// <paramref name="oneOfMany"/>: one of many analyses in the caller's transaction (an import's analysis), each of which
    /// is to know the names the earlier ones brought; the names are then followed in memory (<see cref="RunningNames"/>).
    /// </summary>
    public Task<IReadOnlyCollection<int>> AnalyzeAsync(Article article, Func<string> plainText, CancellationToken ct, bool oneOfMany = false) =>
        AnalyzeTextAsync(article.Id, TextOf(article, plainText), ct, oneOfMany);

    /// <summary>Herald.Text reads Markdown or plain text; an HTML body (imported) is read as its text.</summary>
    private static string TextOf(Article article, Func<string> plainText) =>
        article.BodyFormat == BodyFormat.Html ? plainText() : article.BodySource;

    private async Task<IReadOnlyCollection<int>> AnalyzeTextAsync(int articleId, string body, CancellationToken ct, bool oneOfMany = false)
    {
        var names = oneOfMany && db.Database.CurrentTransaction is { } transaction ? await RunningAsync(transaction, ct) : null;
        var analysis = NewsAnalyzer.Analyze(body, new AnalyzerOptions { KnownEntities = names?.Current() ?? await KnownAsync(ct) });

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var touched = await ForgetAsync(articleId, ct);
            names?.Forgot([.. touched]);
            var rulings = await RulingsAsync(analysis.Entities, ct);
            var stored = await StoredCarryingAsync(analysis.Entities, ct);
            var resolved = new Dictionary<Entity, NamedEntity>();
            foreach (var found in analysis.Entities)
            {
                resolved[found] = await ResolveAsync(found, rulings, stored, ct);
            }
            // Mentions and quotes point at their entities, not at ids: a new entity gets its id in the
            // one save below, which writes the whole article's findings together.
            foreach (var group in resolved.GroupBy(pair => pair.Value))
            {
                db.Set<EntityMention>().Add(new EntityMention
                {
                    ArticleId = articleId,
                    Entity = group.Key,
                    Count = group.Sum(pair => pair.Key.Mentions),
                    Confident = group.Any(pair => pair.Key.IsConfident),
                });
            }
            // People speak, and so do organisations ("the association said in a statement"); a person first where both carry the name.
            var speakers = resolved.Where(pair => pair.Key.Type is EntityType.Person or EntityType.Organization)
                .OrderBy(pair => pair.Key.Type == EntityType.Person ? 0 : 1)
                .GroupBy(pair => pair.Key.Name).ToDictionary(g => g.Key, g => g.First().Value);
            // Words an editor said a speaker did not say stay without that speaker, however often the article is read again.
            var detached = await db.Set<DetachedQuote>().AsNoTracking().Where(d => d.ArticleId == articleId)
                .Select(d => new { d.EntityId, d.Text }).ToListAsync(ct);
            var quotes = analysis.Quotes.Select(quote =>
            {
                var text = Limit(quote.Text, 4000);
                var speaker = quote.Speaker is { } name ? speakers.GetValueOrDefault(name) : null;
                // A new entity (no id yet) cannot have had words taken from it.
                if (speaker is { Id: > 0 } && detached.Any(d => d.EntityId == speaker.Id && d.Text == text))
                {
                    speaker = null;
                }
                return (Speaker: speaker, Row: new ArticleQuote
                {
                    ArticleId = articleId,
                    SpeakerConfident = quote.IsConfident,
                    Text = text,
                    Cue = quote.Cue is null ? null : Limit(quote.Cue, 100),
                    Kind = quote.Kind,
                    Start = quote.Start,
                    End = quote.End,
                });
            }).ToList();
            var figures = analysis.Figures.Select(figure => new ArticleFigure
            {
                ArticleId = articleId,
                Text = Limit(figure.Text, 300),
                Value = figure.Value,
                Unit = Limit(figure.Unit, 40),
                Scale = figure.Scale,
                Period = figure.Period is null ? null : Limit(figure.Period, 100),
                Start = figure.Start,
                End = figure.End,
            }).ToList();
            await db.SaveChangesAsync(ct);
            // Quotes and figures go in many to a statement once the entities have their ids (SaveChanges
            // on SQLite writes a row a statement, and a story holds a score of them).
            foreach (var (speaker, row) in quotes)
            {
                row.SpeakerId = speaker?.Id;
            }
            await db.InsertRowsAsync(quotes.Select(q => q.Row).ToList(), ct);
            await db.InsertRowsAsync(figures, ct);
            touched.UnionWith(resolved.Values.Select(e => e.Id));
            names?.Mentioned(resolved.Values.Distinct());
            if (oneOfMany)
            {
                LetGoOfSavedNames();
            }
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

    /// <summary>This transaction's running list of names, read from the database at its first analysis.</summary>
    private async Task<RunningNames> RunningAsync(object transaction, CancellationToken ct)
    {
        if (!ReferenceEquals(running?.Transaction, transaction))
        {
            running = await RunningNames.LoadAsync(db, transaction, ct);
        }
        return running;
    }

    /// <summary>
    /// Stops tracking the saved entities and names after each of many analyses in one context (an
    /// import's batch): every later save would otherwise compare the batch's growing set of them with
    /// their snapshots. The next story finds them in the database, as a story analysed on its own would.
    /// </summary>
    private void LetGoOfSavedNames()
    {
        foreach (var entry in db.TrackedEntries<EntityAlias>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<NamedEntity>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<EntityMention>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleQuote>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleFigure>().Where(e => e.State == EntityState.Unchanged))
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Removes the article's earlier findings; returns the entities they named.</summary>
    public async Task<HashSet<int>> ForgetAsync(int articleId, CancellationToken ct)
    {
        // Bulk deletes bypass the change tracker: let go of any rows it still holds from an earlier run.
        foreach (var entry in db.TrackedEntries<EntityMention>())
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleQuote>())
        {
            entry.State = EntityState.Detached;
        }
        foreach (var entry in db.TrackedEntries<ArticleFigure>())
        {
            entry.State = EntityState.Detached;
        }
        var before = await db.Set<EntityMention>().Where(m => m.ArticleId == articleId).Select(m => m.EntityId).ToListAsync(ct);
        // A story read for the first time (an import's analysis) has nothing to delete: one look instead of three deletes.
        var rest = await db.Articles.Where(a => a.Id == articleId).Select(a => new
        {
            Quotes = db.Set<ArticleQuote>().Any(q => q.ArticleId == articleId),
            Figures = db.Set<ArticleFigure>().Any(f => f.ArticleId == articleId),
        }).FirstOrDefaultAsync(ct);
        if (before.Count > 0)
        {
            await db.Set<EntityMention>().Where(m => m.ArticleId == articleId).ExecuteDeleteAsync(ct);
        }
        if (rest is null or { Quotes: true })
        {
            await db.Set<ArticleQuote>().Where(q => q.ArticleId == articleId).ExecuteDeleteAsync(ct);
        }
        if (rest is null or { Figures: true })
        {
            await db.Set<ArticleFigure>().Where(f => f.ArticleId == articleId).ExecuteDeleteAsync(ct);
        }
        return [.. before];
    }

    /// <summary>The editors' rulings on the names this analysis found: which entity they belong to, and which they do not.</summary>
    private sealed record Rulings(List<MergedName> Merged, List<RejectedName> Rejected);

    private async Task<Rulings> RulingsAsync(IReadOnlyList<Entity> found, CancellationToken ct)
    {
        var folded = found.SelectMany(e => e.Aliases.Prepend(e.Name)).Where(n => n.Length <= 300).Select(EntityAlias.Fold).Distinct().ToList();
        if (folded.Count == 0)
        {
            return new([], []);
        }
        return new(
            await db.Set<MergedName>().AsNoTracking().Where(n => folded.Contains(n.Folded)).OrderBy(n => n.Id).ToListAsync(ct),
            await db.Set<RejectedName>().AsNoTracking().Where(n => folded.Contains(n.Folded)).ToListAsync(ct));
    }

    /// <summary>
    /// The entity an editor ruled this name belongs to (a merge or a retype), else the stored
    /// entity of its type any of whose names it carries, else a new one.
    /// </summary>
    private async Task<NamedEntity> ResolveAsync(Entity found, Rulings rulings, List<NamedEntity> stored, CancellationToken ct)
    {
        var names = NamesOf(found);
        var folded = names.Select(EntityAlias.Fold).ToList();
        // The name the analysis found it under decides before its other names: a ruling on a short
        // name ("Norrhavn", split off the association as the town) must not carry off every entity
        // that the analysis also calls by it.
        var (main, others) = (folded.Take(1).ToList(), folded.Skip(1).ToList());
        int? ruled = null;
        NamedEntity? entity = null;
        foreach (var these in new[] { main, others })
        {
            ruled = rulings.Merged.FirstOrDefault(n => n.Type == found.Type && these.Contains(n.Folded))?.EntityId;
            entity = ruled is { } id
                ? db.TrackedEntries<NamedEntity>().Select(e => e.Entity).FirstOrDefault(e => e.Id == id)
                    ?? await db.Set<NamedEntity>().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct)
                : await CarryingAsync(found.Type, these, stored, ct);
            if (entity is not null)
            {
                break;
            }
        }
        if (entity is null)
        {
            addedNames = true;
            entity = new NamedEntity { Type = found.Type, Name = Limit(found.Name, 300), Slug = await UniqueSlugAsync(found.Type, found.Name, ct) };
            db.Set<NamedEntity>().Add(entity);
        }
        else if (found.Name.Length > entity.Name.Length && found.Name.Length <= 300 && entity.Review == EntityReview.Unreviewed && ruled is null)
        {
            // The fullest name is the one a reader recognises: "Ingrid Solberg", not "Solberg".
            entity.Name = found.Name;
        }
        // A name an editor took off this entity stays off it.
        var rejected = rulings.Rejected.Where(r => r.EntityId == entity.Id).Select(r => r.Folded).ToHashSet();
        foreach (var name in names.Where(n => entity.Aliases.All(a => a.Folded != EntityAlias.Fold(n)) && !rejected.Contains(EntityAlias.Fold(n))))
        {
            addedNames = true;
            entity.Aliases.Add(new EntityAlias { Name = name, Folded = EntityAlias.Fold(name) });
        }
        return entity;
    }

    /// <summary>The names an entity the analysis found may be stored under: its own first, then its aliases.</summary>
    private static List<string> NamesOf(Entity found) => new[] { found.Name }.Concat(found.Aliases)
        .Where(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 300)
        .DistinctBy(EntityAlias.Fold).ToList();

    /// <summary>
    /// Every stored entity carrying any name the analysis found, with all its names, oldest first, read
    /// in one statement for the whole article rather than one per name found; untracked until one is used.
    /// Nothing the article's analysis writes is saved before its names are resolved, so the read stays true.
    /// </summary>
    private async Task<List<NamedEntity>> StoredCarryingAsync(IReadOnlyList<Entity> found, CancellationToken ct)
    {
        var folded = found.SelectMany(NamesOf).Select(EntityAlias.Fold).Distinct().ToList();
        return folded.Count == 0 ? [] : await db.Set<NamedEntity>().AsNoTracking().Include(e => e.Aliases)
            .Where(e => e.Aliases.Any(a => folded.Contains(a.Folded)))
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
    }

    /// <summary>The stored entity of the type any of whose names is one of <paramref name="folded"/>, this context's own ones first.</summary>
    private async Task<NamedEntity?> CarryingAsync(EntityType type, List<string> folded, List<NamedEntity> stored, CancellationToken ct)
    {
        if (folded.Count == 0)
        {
            return null;
        }
        var tracked = db.TrackedEntries<NamedEntity>().Select(e => e.Entity).ToList();
        if (tracked.FirstOrDefault(e => e.Type == type && e.Aliases.Any(a => folded.Contains(a.Folded))) is { } own)
        {
            return own;
        }
        if (stored.FirstOrDefault(e => e.Type == type && e.Aliases.Any(a => folded.Contains(a.Folded))) is not { } found)
        {
            return null;
        }
        if (tracked.FirstOrDefault(e => e.Id == found.Id) is { } loaded)
        {
            // Tracked already without the name that found it (read elsewhere without its names): complete it.
            await db.Entry(loaded).Collection(e => e.Aliases).LoadAsync(ct);
            return loaded;
        }
        var trackedAliases = db.TrackedEntries<EntityAlias>().Select(e => e.Entity.Id).ToHashSet();
        if (found.Aliases.Any(a => trackedAliases.Contains(a.Id)))
        {
            return await db.Set<NamedEntity>().Include(e => e.Aliases).FirstAsync(e => e.Id == found.Id, ct);
        }
        db.Attach(found);
        return found;
    }

    private ValueTask<string> UniqueSlugAsync(EntityType type, string name, CancellationToken ct) =>
        Slugs.UniqueAsync(Slugs.From(name), async slug =>
            db.TrackedEntries<NamedEntity>().Any(e => e.Entity.Type == type && e.Entity.Slug == slug)
            || await db.Set<NamedEntity>().AnyAsync(e => e.Type == type && e.Slug == slug, ct)
            // An address that leads to a merged entity's survivor keeps doing so.
            || await db.Set<EntityRedirect>().AnyAsync(r => r.Type == type && r.Slug == slug, ct));

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}