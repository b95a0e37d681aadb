using System.Security.Claims;
using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Newsroom;
using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding.Corrections;

/// <summary>
/// The editor's corrections of entities: decisions on one entity (confirm or retype it, hide it,
/// leave it to the analysis again), merging one entity into another, and detaching a quote from
/// its speaker. Each is stored as a ruling later analyses honour (<see cref="MergedName"/>,
/// <see cref="DetachedQuote"/>), written to the entity's history, and committed with the cache
/// tags of every page it changes. Splitting a name off is <see cref="EntitySplitter"/>'s.
/// </summary>
public sealed class EntityCorrections(HeraldDbContext db, SiteWriter writer, TimeProvider clock)
{
    /// <summary>What became of a decision: a problem a person can read, or the notice of what was done.</summary>
    public sealed record Outcome(string? Problem, string? Notice, bool Missing = false);

    /// <summary>
    /// Applies one decision to an entity. It changes article pages (their topic lists), related-story
    /// evidence, topic pages and the names every process hands the analyzer, so the whole site's
    /// cache goes. <paramref name="change"/> checks what it was given before it changes anything and
    /// returns a problem, so a refused decision commits nothing.
    /// </summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal user, int id, Func<NamedEntity, Task<string?>> change, Func<NamedEntity, string> done, CancellationToken ct)
    {
        var entity = await db.Set<NamedEntity>().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return new Outcome("That entity no longer exists.", null, Missing: true);
        }
        var by = await StaffMember.ResolveAsync(db, user, ct);
        return await writer.CommitAsync(async (tags, token) =>
        {
            if (await change(entity) is { } problem)
            {
                return new Outcome(problem, null);
            }
            var notice = done(entity);
            Record(entity.Id, by.Name, notice);
            tags.AddRange([CacheTags.Site, CacheTags.KnownEntities, CacheTags.Topic(entity.Id)]);
            return new Outcome(null, notice);
        }, ct);
    }

    /// <summary>Confirms an entity as <paramref name="type"/>, retyping it if the analysis got the type wrong.</summary>
    public Task<Outcome> ConfirmAsync(ClaimsPrincipal user, int id, EntityType type, CancellationToken ct) =>
        DecideAsync(user, id, async entity =>
        {
            if (!Enum.IsDefined(type))
            {
                return ChooseType;
            }
            if (entity.Type != type)
            {
                // The old address leads to the new one, and the names found again under the old type are this entity's.
                await RedirectAsync(entity.Id, entity.Type, entity.Slug, ct);
                await RuleAsync(entity.Id, entity.Type, entity.Aliases.Select(a => a.Folded), ct);
                entity.Slug = await UniqueSlugAsync(type, entity.Slug, entity.Id, ct);
                entity.Type = type;
                await db.Set<EntityRedirect>().Where(r => r.Type == type && r.Slug == entity.Slug).ExecuteDeleteAsync(ct);
            }
            entity.Review = EntityReview.Confirmed;
            return null;
        }, entity => $"Confirmed \"{entity.Name}\" as {Kind(entity.Type)}; readers see it wherever a published story names it.", ct);

    public Task<Outcome> HideAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        DecideAsync(user, id, entity =>
        {
            entity.Review = EntityReview.Hidden;
            return Task.FromResult<string?>(null);
        }, entity => $"Hid \"{entity.Name}\" from every public page.", ct);

    public Task<Outcome> ResetAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        DecideAsync(user, id, entity =>
        {
            entity.Review = EntityReview.Unreviewed;
            return Task.FromResult<string?>(null);
        }, entity => $"\"{entity.Name}\" is left to the analysis again: public only where it was found with confidence.", ct);

    public const string ChooseType = "Choose person, organisation or place.";

    /// <summary>
    /// The type an editor chose, by its name in a form ("Person", "Organization", "Place"); null for
    /// anything else, numbers and lists ("1", "Person, Place") included, which enum parsing would take as a type.
    /// </summary>
    public static EntityType? ParseType(string? typed) =>
        Enum.GetValues<EntityType>().Where(t => string.Equals(t.ToString(), typed, StringComparison.OrdinalIgnoreCase)).Select(t => (EntityType?)t).FirstOrDefault();

    /// <summary>An address for an entity of <paramref name="type"/> that no other entity has and no redirect keeps.</summary>
    public async Task<string> UniqueSlugAsync(EntityType type, string slug, int id, CancellationToken ct) =>
        await Slugs.UniqueAsync(slug, async candidate =>
            await db.Set<NamedEntity>().AnyAsync(e => e.Type == type && e.Slug == candidate && e.Id != id, ct)
            || await db.Set<EntityRedirect>().AnyAsync(r => r.Type == type && r.Slug == candidate && r.EntityId != id, ct));

    /// <summary>
    /// Moves everything of <paramref name="mergedId"/> (mentions, quotes, names, rulings, history,
    /// its address) to <paramref name="survivorId"/> and deletes it. Returns a problem a person can
    /// read, or null when done.
    /// </summary>
    public async Task<string?> MergeAsync(ClaimsPrincipal user, int mergedId, int survivorId, CancellationToken ct)
    {
        if (mergedId == survivorId)
        {
            return "An entity cannot be merged into itself; choose the other one.";
        }
        var merged = await db.Set<NamedEntity>().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == mergedId, ct);
        var survivor = await db.Set<NamedEntity>().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == survivorId, ct);
        if (merged is null || survivor is null)
        {
            return "One of the two entities no longer exists; look it up again.";
        }
        var by = await StaffMember.ResolveAsync(db, user, ct);
        await writer.CommitAsync(async (tags, token) =>
        {
            await MoveMentionsAsync(merged.Id, survivor.Id, token);
            await db.Set<ArticleQuote>().Where(q => q.SpeakerId == merged.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(q => q.SpeakerId, survivor.Id), token);
            await db.Set<DetachedQuote>().Where(d => d.EntityId == merged.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.EntityId, survivor.Id), token);
            await db.Set<EntityHistoryEntry>().Where(h => h.EntityId == merged.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.EntityId, survivor.Id), token);
            await db.Set<EntityRedirect>().Where(r => r.EntityId == merged.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.EntityId, survivor.Id), token);
            await db.Set<MergedName>().Where(n => n.EntityId == merged.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.EntityId, survivor.Id), token);

            // The merged entity's own name is the survivor's by this ruling (merging a split-off entity
            // back undoes the split); any other name an editor already took off the survivor stays off.
            var ownName = EntityAlias.Fold(merged.Name);
            await db.Set<RejectedName>().Where(n => n.EntityId == survivor.Id && n.Folded == ownName).ExecuteDeleteAsync(token);
            var rejected = await db.Set<RejectedName>().Where(n => n.EntityId == survivor.Id).Select(n => n.Folded).ToListAsync(token);
            foreach (var alias in merged.Aliases.Where(a => survivor.Aliases.All(s => s.Folded != a.Folded) && !rejected.Contains(a.Folded)))
            {
                survivor.Aliases.Add(new EntityAlias { Name = alias.Name, Folded = alias.Folded });
            }
            // Found again under its old type, any of its names is the survivor's: the wrong entity stays gone.
            await RuleAsync(survivor.Id, merged.Type, merged.Aliases.Select(a => a.Folded), token);
            await RedirectAsync(survivor.Id, merged.Type, merged.Slug, token);
            db.Remove(merged);
            Record(survivor.Id, by.Name, $"Merged {Describe(merged)} into this {EntitiesLabel(survivor.Type)}; its names, mentions and quotes are this one's now.");
            tags.Add(CacheTags.Site);
            tags.Add(CacheTags.KnownEntities);
            tags.Add(CacheTags.Topic(merged.Id));
            tags.Add(CacheTags.Topic(survivor.Id));
        }, ct);
        return null;
    }

    /// <summary>Takes a quote from its speaker for good: it shows no speaker, and later analyses do not give it back.</summary>
    public async Task<string?> DetachQuoteAsync(ClaimsPrincipal user, int entityId, int quoteId, CancellationToken ct)
    {
        var quote = await db.Set<ArticleQuote>().FirstOrDefaultAsync(q => q.Id == quoteId && q.SpeakerId == entityId, ct);
        if (quote is null)
        {
            return "That quote is not attributed to this entity any more; the list below is current.";
        }
        var by = await StaffMember.ResolveAsync(db, user, ct);
        await writer.CommitAsync(async (tags, token) =>
        {
            if (!await db.Set<DetachedQuote>().AnyAsync(d => d.ArticleId == quote.ArticleId && d.EntityId == entityId && d.Text == quote.Text, token))
            {
                db.Add(new DetachedQuote { ArticleId = quote.ArticleId, EntityId = entityId, Text = quote.Text });
            }
            quote.SpeakerId = null;
            Record(entityId, by.Name, $"Detached the quote \"{Shorten(quote.Text, 200)}\": it no longer names this speaker.");
            tags.Add(CacheTags.Site);
            tags.Add(CacheTags.Topic(entityId));
        }, ct);
        return null;
    }

    /// <summary>Adds a line to an entity's history; saved with the write it describes.</summary>
    public void Record(int entityId, string by, string what) =>
        db.Add(new EntityHistoryEntry { EntityId = entityId, At = clock.GetUtcNow().UtcDateTime, By = Shorten(by, 256), What = Shorten(what, EntityHistoryEntry.MaxWhat) });

    /// <summary>Names found as <paramref name="type"/> resolve to <paramref name="entityId"/> from now on.</summary>
    public async Task RuleAsync(int entityId, EntityType type, IEnumerable<string> folded, CancellationToken ct)
    {
        var names = folded.Distinct().ToList();
        var existing = await db.Set<MergedName>().Where(n => n.Type == type && names.Contains(n.Folded)).ToListAsync(ct);
        foreach (var name in names)
        {
            if (existing.FirstOrDefault(n => n.Folded == name) is { } rule)
            {
                rule.EntityId = entityId;
            }
            else
            {
                db.Add(new MergedName { Type = type, Folded = name, EntityId = entityId });
            }
        }
    }

    /// <summary>The old address of an entity leads to its page from now on.</summary>
    public async Task RedirectAsync(int entityId, EntityType type, string slug, CancellationToken ct)
    {
        if (await db.Set<EntityRedirect>().FirstOrDefaultAsync(r => r.Type == type && r.Slug == slug, ct) is { } redirect)
        {
            redirect.EntityId = entityId;
        }
        else
        {
            db.Add(new EntityRedirect { Type = type, Slug = slug, EntityId = entityId });
        }
    }

    /// <summary>
    /// An article that mentions both keeps one mention of the survivor, with both counts; the
    /// others simply change entity.
    /// </summary>
    private async Task MoveMentionsAsync(int mergedId, int survivorId, CancellationToken ct)
    {
        var mentions = db.Set<EntityMention>();
        var both = await mentions.Where(m => m.EntityId == mergedId && mentions.Any(s => s.EntityId == survivorId && s.ArticleId == m.ArticleId))
            .AsNoTracking().ToListAsync(ct);
        foreach (var gone in both)
        {
            var kept = await mentions.SingleAsync(m => m.EntityId == survivorId && m.ArticleId == gone.ArticleId, ct);
            kept.Count += gone.Count;
            kept.Confident |= gone.Confident;
        }
        await db.SaveChangesAsync(ct);
        var overlapping = both.Select(m => m.ArticleId).ToList();
        await mentions.Where(m => m.EntityId == mergedId && overlapping.Contains(m.ArticleId)).ExecuteDeleteAsync(ct);
        await mentions.Where(m => m.EntityId == mergedId).ExecuteUpdateAsync(set => set.SetProperty(m => m.EntityId, survivorId), ct);
    }

    public static string Describe(NamedEntity entity) => $"the {EntitiesLabel(entity.Type)} \"{entity.Name}\"";

    public static string EntitiesLabel(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        _ => "place",
    };

    /// <summary>"a person", "an organisation", "a place".</summary>
    public static string Kind(EntityType type) => type == EntityType.Organization ? "an organisation" : $"a {EntitiesLabel(type)}";

    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}