using Herald.Articles;
using Herald.Newsroom;
using Herald.Storage;
using Herald.Text;
using Herald.Understanding.Corrections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding.Review;

/// <summary>
/// Where editors check what the analysis found before readers see it: the people, organisations
/// and places waiting for a decision (found without enough confidence to publish), and every
/// other one. An editor confirms an entity (retyping it if the analysis got the type wrong),
/// renames it, removes a wrong name from it, or hides it from public pages. Decisions are stored
/// on the entity, so later analyses keep them: a confirmed name and type are handed to the
/// analyzer as certain.
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class EntitiesModel(HeraldDbContext db, ArticleQueries articles, EntityCorrections corrections) : PageModel
{
    public const int PageSize = 50;
    public const int MaxQueryLength = 100;

    /// <summary>One entity as the list shows it (set by member, so that the query can still sort by it).</summary>
    public sealed class Row
    {
        public required NamedEntity Entity { get; init; }
        public int Articles { get; init; }
        public bool Public { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "show")]
    public string Show { get; set; } = "waiting";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Read from the query in <see cref="OnGetAsync"/>: "page" is also Razor Pages' own route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public bool HasNextPage { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    /// <summary>What an editor typed into a rename field that was refused, by entity, to show again.</summary>
    public Dictionary<int, string> RefusedNames { get; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        if (!Articles.PageNumber.TryParse(page, out var number))
        {
            return BadRequest();
        }
        PageNumber = number;
        if (!await LoadAsync(ct))
        {
            return BadRequest();
        }
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int id, string? type, CancellationToken ct) =>
        ShowAsync(EntityCorrections.ParseType(type) is { } chosen
            ? corrections.ConfirmAsync(User, id, chosen, ct)
            : Task.FromResult(new EntityCorrections.Outcome(EntityCorrections.ChooseType, null)), ct);

    public Task<IActionResult> OnPostHideAsync(int id, CancellationToken ct) => ShowAsync(corrections.HideAsync(User, id, ct), ct);

    public Task<IActionResult> OnPostResetAsync(int id, CancellationToken ct) => ShowAsync(corrections.ResetAsync(User, id, ct), ct);

    public Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct) =>
        ChangeAsync(id, ct, async entity =>
        {
            var wanted = string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (wanted.Length == 0 || wanted.Length > 300 || wanted.Any(char.IsControl))
            {
                RefusedNames[id] = name ?? "";
                return wanted.Length > 300 ? "A name has at most 300 characters." : "Type the name readers should see.";
            }
            entity.Name = wanted;
            await db.Set<RejectedName>().Where(n => n.EntityId == entity.Id && n.Folded == EntityAlias.Fold(wanted)).ExecuteDeleteAsync(ct);
            // The new name is one more way of finding it; the old ones stay, so earlier stories still resolve.
            if (entity.Aliases.All(a => a.Folded != EntityAlias.Fold(wanted)))
            {
                entity.Aliases.Add(new EntityAlias { Name = wanted, Folded = EntityAlias.Fold(wanted) });
            }
            return null;
        }, entity => $"Renamed to \"{entity.Name}\".");

    public Task<IActionResult> OnPostRemoveNameAsync(int id, int alias, CancellationToken ct)
    {
        var removed = "";
        return ChangeAsync(id, ct, async entity =>
        {
            var wrong = entity.Aliases.FirstOrDefault(a => a.Id == alias);
            if (wrong is null)
            {
                return "That name is not one of this entity's any more.";
            }
            if (EntityAlias.Fold(wrong.Name) == EntityAlias.Fold(entity.Name))
            {
                return "Rename the entity before removing the name it is shown under.";
            }
            entity.Aliases.Remove(wrong);
            db.Remove(wrong);
            // Stored, so that no later analysis gives the name back or links by it.
            db.Add(new RejectedName { EntityId = entity.Id, Folded = wrong.Folded });
            await db.Set<MergedName>().Where(n => n.EntityId == entity.Id && n.Folded == wrong.Folded).ExecuteDeleteAsync(ct);
            removed = wrong.Name;
            return null;
        }, entity => $"Removed the name \"{removed}\" from \"{entity.Name}\"; stories that use it alone will no longer be linked to it when they are next saved.");
    }

    private async Task<IActionResult> ChangeAsync(int id, CancellationToken ct, Func<NamedEntity, Task<string?>> change, Func<NamedEntity, string> done) =>
        await ShowAsync(corrections.DecideAsync(User, id, change, done, ct), ct);

    /// <summary>Back to the list after a decision; a refused one shows the list again with the reason (and what was typed).</summary>
    private async Task<IActionResult> ShowAsync(Task<EntityCorrections.Outcome> decision, CancellationToken ct)
    {
        var outcome = await decision;
        if (outcome.Missing)
        {
            Notice = "That entity no longer exists; the list below is current.";
            return LocalRedirect(ListUrl);
        }
        if (outcome.Problem is not null)
        {
            Problem = outcome.Problem;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        Notice = outcome.Notice;
        return LocalRedirect(ListUrl);
    }

    /// <summary>The list the editor was looking at, to come back to after a decision.</summary>
    private string ListUrl => QueryHelpers.AddQueryString("/newsroom/entities", new Dictionary<string, string?> { ["show"] = Show, ["q"] = Query });

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Show is not ("waiting" or "public" or "hidden" or "all") || PageNumber is < 1 or > 10_000 || Query?.Length > MaxQueryLength)
        {
            Problem = "That list does not exist.";
            return false;
        }
        var published = articles.Published();
        var shown = db.Set<EntityMention>().Shown().Where(m => published.Any(a => a.Id == m.ArticleId));
        var entities = db.Set<NamedEntity>().AsNoTracking();
        entities = Show switch
        {
            "waiting" => entities.Where(e => e.Review == EntityReview.Unreviewed && !shown.Any(m => m.EntityId == e.Id)),
            "public" => entities.Where(e => shown.Any(m => m.EntityId == e.Id)),
            "hidden" => entities.Where(e => e.Review == EntityReview.Hidden),
            _ => entities,
        };
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var folded = EntityAlias.Fold(Query);
            entities = entities.Where(e => e.Aliases.Any(a => a.Folded.Contains(folded)));
        }
        IQueryable<Row> RowsOf(IQueryable<NamedEntity> chosen) => chosen.Select(e => new Row
        {
            Entity = e,
            Articles = db.Set<EntityMention>().Count(m => m.EntityId == e.Id),
            Public = shown.Any(m => m.EntityId == e.Id),
        });
        var rows = await RowsOf(entities)
            .OrderByDescending(r => r.Articles).ThenBy(r => r.Entity.Name).ThenBy(r => r.Entity.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(ct);
        // A refused rename shows its row first, whatever the list, so the words typed are not lost.
        var refusedIds = RefusedNames.Keys.Where(id => rows.All(r => r.Entity.Id != id)).ToList();
        if (refusedIds.Count > 0)
        {
            rows.InsertRange(0, await RowsOf(db.Set<NamedEntity>().AsNoTracking().Where(e => refusedIds.Contains(e.Id))).ToListAsync(ct));
        }
        var ids = rows.Select(r => r.Entity.Id).ToList();
        var aliases = await db.Set<EntityAlias>().AsNoTracking().Where(a => ids.Contains(a.EntityId)).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.Entity.Aliases = aliases.Where(a => a.EntityId == row.Entity.Id).OrderBy(a => a.Name).ToList();
        }
        HasNextPage = rows.Count > PageSize + refusedIds.Count;
        Rows = rows.Take(PageSize + refusedIds.Count).ToList();
        return true;
    }

    public static string Describe(EntityType type) => type switch
    {
        EntityType.Person => "a person",
        EntityType.Organization => "an organisation",
        _ => "a place",
    };

    public string PublicUrl(NamedEntity entity) => ArticleUrls.Topic(entity.Type, entity.Slug);
}