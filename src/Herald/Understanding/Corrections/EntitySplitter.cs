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
/// Undoes a wrong merge in one step: one name of an entity becomes an entity of its own, of the
/// type the editor chose, and every story that names it is read again, so the mentions of that
/// name and the quotes attributed under it move to the new entity across the archive. The split
/// is stored as rulings later analyses honour: the name is rejected for the old entity
/// (<see cref="RejectedName"/>) and belongs to the new one under its old and new types
/// (<see cref="MergedName"/>). Merging the new entity back undoes it.
/// </summary>
public sealed class EntitySplitter(HeraldDbContext db, SiteWriter writer, EntityCorrections corrections, ArticleUnderstanding understanding)
{
    /// <summary>
    /// Each story is analysed again inside the editor's request and its transaction; a name in more
    /// stories than this is split by removing it (the stories are re-filed as each is next saved).
    /// </summary>
    public const int MaxStories = 1_000;

    /// <summary>What became of a split: a problem a person can read, or the new entity and how much moved to it.</summary>
    public sealed record Outcome(string? Problem, NamedEntity? Created = null, int Stories = 0, int Quotes = 0);

    /// <summary>Checks a split without changing anything: null when it may go ahead.</summary>
    public async Task<string?> CheckAsync(NamedEntity entity, int aliasId, EntityType? type, CancellationToken ct) =>
        (await ReviewAsync(entity, aliasId, type, ct)).Problem;

    public async Task<Outcome> SplitAsync(ClaimsPrincipal user, int entityId, int aliasId, EntityType? type, CancellationToken ct)
    {
        var source = await db.Set<NamedEntity>().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == entityId, ct);
        if (source is null)
        {
            return new Outcome("That entity no longer exists.");
        }
        var (problem, stories) = await ReviewAsync(source, aliasId, type, ct);
        if (problem is not null)
        {
            return new Outcome(problem);
        }
        var name = source.Aliases.Single(a => a.Id == aliasId);
        var newType = type!.Value;
        var by = await StaffMember.ResolveAsync(db, user, ct);
        return await writer.CommitAsync(async (tags, token) =>
        {
            var created = new NamedEntity
            {
                Type = newType,
                Name = name.Name,
                Slug = await SlugAsync(source.Id, newType, name.Name, token),
                // The editor chose its name and type: confirmed, and handed to every later analysis as certain.
                Review = EntityReview.Confirmed,
            };
            created.Aliases.Add(new EntityAlias { Name = name.Name, Folded = name.Folded });
            db.Add(created);
            source.Aliases.Remove(name);
            db.Remove(name);
            if (!await db.Set<RejectedName>().AnyAsync(n => n.EntityId == source.Id && n.Folded == name.Folded, token))
            {
                db.Add(new RejectedName { EntityId = source.Id, Folded = name.Folded });
            }
            await db.SaveChangesAsync(token);

            // The rulings that gave the name to the old entity (a merge, a retype) give it to the new one now.
            await db.Set<MergedName>().Where(n => n.EntityId == source.Id && n.Folded == name.Folded)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.EntityId, created.Id), token);
            // Found again under the new type or under the old entity's, the name is the new entity's.
            foreach (var ruledType in new[] { newType, source.Type }.Distinct())
            {
                await corrections.RuleAsync(created.Id, ruledType, [name.Folded], token);
                await db.SaveChangesAsync(token);
            }

            var touched = await understanding.AnalyzeAgainAsync(stories, token);
            var moved = await db.Set<EntityMention>().CountAsync(m => m.EntityId == created.Id, token);
            var quotes = await db.Set<ArticleQuote>().CountAsync(q => q.SpeakerId == created.Id, token);
            var tally = $"{Count(moved, "story", "stories")} and {Count(quotes, "quote", "quotes")} are its now";
            corrections.Record(source.Id, by.Name,
                $"Split the name \"{name.Name}\" off into {EntityCorrections.Describe(created)}: {tally}; later analyses file the name there.");
            corrections.Record(created.Id, by.Name,
                $"Split off {EntityCorrections.Describe(source)} as {EntityCorrections.Kind(newType)} of its own: {tally}. Merge it back into \"{source.Name}\" to undo.");

            tags.AddRange([CacheTags.KnownEntities, CacheTags.Topic(source.Id), CacheTags.Topic(created.Id)]);
            tags.AddRange(touched.Select(CacheTags.Topic));
            tags.AddRange(stories.Select(CacheTags.Article));
            return new Outcome(null, created, moved, quotes);
        }, ct);
    }

    /// <summary>
    /// The stories filed under the entity whose text carries the name, as written or in any case
    /// (the database folds ASCII only, so a name is also matched exactly as the entity carries it).
    /// </summary>
    private IQueryable<Article> StoriesNamingQuery(int entityId, EntityAlias name)
    {
        var mentioning = db.Set<EntityMention>().Where(m => m.EntityId == entityId).Select(m => m.ArticleId);
        var spoken = db.Set<ArticleQuote>().Where(q => q.SpeakerId == entityId).Select(q => q.ArticleId);
        return db.Articles.Where(a => (mentioning.Contains(a.Id) || spoken.Contains(a.Id))
            && (a.BodySource.Contains(name.Name) || a.BodySource.ToLower().Contains(name.Folded)));
    }

    /// <summary>
    /// The name's own address when it is free. An address the old entity kept from the wrong merge
    /// ("/people/norrhavn-fishermen" leading to the association) is given back to the new entity.
    /// </summary>
    /// <summary>The split's problem, if any, and otherwise the stories it reads again (found once, used by the check and the split).</summary>
    private async Task<(string? Problem, List<int> Stories)> ReviewAsync(NamedEntity entity, int aliasId, EntityType? type, CancellationToken ct)
    {
        var name = entity.Aliases.FirstOrDefault(a => a.Id == aliasId);
        string? problem = name is null ? "That name is not one of this entity's any more; its names are listed below."
            : entity.Aliases.Count < 2 ? $"\"{name.Name}\" is this entity's only name: there is nothing to split. Retype or rename it instead."
            : EntityAlias.Fold(name.Name) == EntityAlias.Fold(entity.Name) ? $"\"{name.Name}\" is the name this entity is shown under: rename it to one of its other names first, then split this one off."
            : type is null ? "Choose whether the new entity is a person, an organisation or a place."
            : null;
        if (problem is not null)
        {
            return (problem, []);
        }
        // One more than the limit is enough to know the limit is passed.
        var stories = await StoriesNamingQuery(entity.Id, name!).Select(a => a.Id).Take(MaxStories + 1).ToListAsync(ct);
        return stories.Count > MaxStories
            ? ($"\"{name!.Name}\" is named in more than {MaxStories:N0} stories; one split reads at most {MaxStories:N0} again. Remove the name instead: each story is re-filed when it is next saved.", [])
            : (null, stories);
    }

    private async Task<string> SlugAsync(int sourceId, EntityType type, string name, CancellationToken ct)
    {
        var wanted = Slugs.From(name);
        await db.Set<EntityRedirect>().Where(r => r.Type == type && r.Slug == wanted && r.EntityId == sourceId).ExecuteDeleteAsync(ct);
        return await corrections.UniqueSlugAsync(type, wanted, 0, ct);
    }

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";
}