using Herald.Articles;
using Herald.Newsroom;
using Herald.Newsroom.Confirm;
using Herald.Storage;
using Herald.Text;
using Herald.Understanding.Corrections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding.Review;

/// <summary>
/// One entity in the newsroom: its names, the quotes attributed to it (each can be detached from
/// it), what editors decided about it, and the merge into another entity. Merging and detaching
/// ask first (<see cref="Confirmation"/>), naming both sides.
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class EntityModel(HeraldDbContext db, EntityCorrections corrections, EntitySplitter splitter) : PageModel
{
    public const int MaxQuotes = 100;
    public const int MaxHistory = 50;
    public const int MaxCandidates = 20;

    public const string MergeConfirmation = "merge";
    public const string DetachConfirmation = "detach";
    public const string SplitConfirmation = "split";

    public sealed record QuoteRow(int Id, string Text, string ArticleHeadline, int ArticleId);

    public NamedEntity Entity { get; private set; } = null!;
    public IReadOnlyList<QuoteRow> Quotes { get; private set; } = [];
    public IReadOnlyList<EntityHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<NamedEntity> Candidates { get; private set; } = [];
    public Confirmation? Confirmation { get; private set; }

    /// <summary>The name typed to find the entity to merge into; kept in the field whatever happens.</summary>
    [BindProperty(SupportsGet = true, Name = "into")]
    public string? Into { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The type an editor chose for a name to split off, by name, shown again when the split waits or was refused.</summary>
    public Dictionary<int, EntityType> SplitTypes { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (Into?.Length > EntitiesModel.MaxQueryLength)
        {
            Problem = $"Type at most {EntitiesModel.MaxQueryLength} characters of the name.";
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        return await ShowAsync(id, StatusCodes.Status200OK, ct);
    }

    /// <summary>Merges this entity into <paramref name="survivor"/>, once the editor confirmed it by name.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int survivor, string? confirm, CancellationToken ct)
    {
        var names = await db.Set<NamedEntity>().AsNoTracking().Where(e => e.Id == id || e.Id == survivor)
            .ToDictionaryAsync(e => e.Id, ct);
        if (!names.TryGetValue(id, out var merged))
        {
            return NotFound();
        }
        if (id == survivor || !names.TryGetValue(survivor, out var kept))
        {
            Problem = id == survivor ? "An entity cannot be merged into itself; choose the other one." : "The entity to merge into no longer exists; look it up again.";
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        if (!Confirmation.Given(confirm, MergeConfirmation))
        {
            Confirmation = new Confirmation(
                $"Merge {EntitiesModel.Describe(merged.Type)} \"{merged.Name}\" into {EntitiesModel.Describe(kept.Type)} \"{kept.Name}\"?",
                $"\"{merged.Name}\" stops existing: its names, mentions and quotes become \"{kept.Name}\"'s, its page sends readers to \"{kept.Name}\"'s, "
                + "and later analyses file its names there. To undo it, remove the names it brought from the merged entity.",
                "Yes, merge them", $"/newsroom/entities/{id}", MergeConfirmation)
            {
                Action = $"/newsroom/entities/{id}?handler=Merge&survivor={survivor}",
            };
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }
        Problem = await corrections.MergeAsync(User, id, survivor, ct);
        if (Problem is not null)
        {
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Notice = $"Merged \"{merged.Name}\" into \"{kept.Name}\"; its old page now leads here.";
        return LocalRedirect($"/newsroom/entities/{survivor}");
    }

    /// <summary>Takes a quote from this speaker, once the editor confirmed it.</summary>
    public async Task<IActionResult> OnPostDetachAsync(int id, int quote, string? confirm, CancellationToken ct)
    {
        var entity = await db.Set<NamedEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound();
        }
        var text = await db.Set<ArticleQuote>().AsNoTracking().Where(q => q.Id == quote && q.SpeakerId == id).Select(q => q.Text).FirstOrDefaultAsync(ct);
        if (text is null)
        {
            Problem = "That quote is not attributed to this entity any more; the list below is current.";
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        if (!Confirmation.Given(confirm, DetachConfirmation))
        {
            Confirmation = new Confirmation(
                $"Detach \"{Shorten(text)}\" from \"{entity.Name}\"?",
                $"The quote stays in its story but names no speaker; \"{entity.Name}\"'s page stops listing it, and later analyses of the story do not give it back.",
                "Yes, detach it", $"/newsroom/entities/{id}", DetachConfirmation)
            {
                Action = $"/newsroom/entities/{id}?handler=Detach&quote={quote}",
            };
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }
        Problem = await corrections.DetachQuoteAsync(User, id, quote, ct);
        if (Problem is not null)
        {
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Notice = $"Detached \"{Shorten(text)}\" from \"{entity.Name}\".";
        return LocalRedirect($"/newsroom/entities/{id}");
    }

    /// <summary>
    /// Splits one of this entity's names off into an entity of its own, of the type the editor
    /// chose, once confirmed; the stories that name it are read again (<see cref="EntitySplitter"/>).
    /// </summary>
    public async Task<IActionResult> OnPostSplitAsync(int id, int alias, string? type, string? confirm, CancellationToken ct)
    {
        var entity = await db.Set<NamedEntity>().AsNoTracking().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound();
        }
        var chosen = EntityCorrections.ParseType(type);
        if (chosen is { } known)
        {
            SplitTypes[alias] = known;
        }
        if (!Confirmation.Given(confirm, SplitConfirmation))
        {
            // Asked first; the confirmed request goes straight to the split, which checks the same rules.
            Problem = await splitter.CheckAsync(entity, alias, chosen, ct);
            if (Problem is not null)
            {
                return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
            }
            var asked = entity.Aliases.Single(a => a.Id == alias).Name;
            var askedKind = EntityCorrections.Kind(chosen!.Value);
            Confirmation = new Confirmation(
                $"Split \"{asked}\" off {EntityCorrections.Describe(entity)} as {askedKind} of its own?",
                $"\"{asked}\" becomes {askedKind}, confirmed by you. Every story filed under \"{entity.Name}\" that names it is read again, "
                + $"so the mentions of \"{asked}\" and the quotes said under that name move to the new entity, and later analyses file the name there. "
                + $"\"{entity.Name}\" keeps its other names. To undo it, merge \"{asked}\" back into \"{entity.Name}\".",
                "Yes, split it off", $"/newsroom/entities/{id}", SplitConfirmation)
            {
                Action = $"/newsroom/entities/{id}?handler=Split&alias={alias}",
                Fields = new Dictionary<string, string> { ["type"] = chosen.Value.ToString() },
            };
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }
        var outcome = await splitter.SplitAsync(User, id, alias, chosen, ct);
        if (outcome.Problem is not null || outcome.Created is null)
        {
            Problem = outcome.Problem;
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var name = entity.Aliases.Single(a => a.Id == alias).Name;
        Notice = $"Split \"{name}\" off \"{entity.Name}\" as {EntityCorrections.Kind(chosen!.Value)}: {outcome.Stories} "
            + $"{(outcome.Stories == 1 ? "story names" : "stories name")} it and {outcome.Quotes} {(outcome.Quotes == 1 ? "quote is" : "quotes are")} attributed to it.";
        return LocalRedirect($"/newsroom/entities/{outcome.Created.Id}");
    }

    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken ct)
    {
        var entity = await db.Set<NamedEntity>().AsNoTracking().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound();
        }
        Entity = entity;
        entity.Aliases = entity.Aliases.OrderBy(a => a.Name).ToList();
        Quotes = await db.Set<ArticleQuote>().AsNoTracking().Where(q => q.SpeakerId == id)
            .OrderByDescending(q => q.ArticleId).ThenBy(q => q.Start).Take(MaxQuotes)
            .Select(q => new QuoteRow(q.Id, q.Text, q.Article.Headline, q.ArticleId))
            .ToListAsync(ct);
        History = await db.Set<EntityHistoryEntry>().AsNoTracking().Where(h => h.EntityId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(MaxHistory).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Into) && Into.Length <= EntitiesModel.MaxQueryLength)
        {
            var folded = EntityAlias.Fold(Into);
            Candidates = await db.Set<NamedEntity>().AsNoTracking()
                .Where(e => e.Id != id && e.Aliases.Any(a => a.Folded.Contains(folded)))
                .OrderBy(e => e.Name.Length).ThenBy(e => e.Name).Take(MaxCandidates)
                .ToListAsync(ct);
        }
        Response.StatusCode = status;
        return Page();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";

    public string PublicUrl => ArticleUrls.Topic(Entity.Type, Entity.Slug);
}