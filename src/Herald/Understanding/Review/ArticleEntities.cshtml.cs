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
/// The editor's "Entities" tab of one story: the people, organisations and places the analysis
/// found in it (type, how sure it was, whether readers see them) and its quotes with their
/// speakers. Each decision here is an <see cref="EntityCorrections"/> one and holds for every
/// story, not this one only, so hiding and detaching ask first (<see cref="Confirmation"/>).
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class ArticleEntitiesModel(HeraldDbContext db, ArticleQueries articles, EntityCorrections corrections) : PageModel
{
    public const string HideConfirmation = "hide";
    public const string DetachConfirmation = "detach";

    /// <summary>One entity the story names; <see cref="Public"/> says whether the story's page and topic pages show it.</summary>
    public sealed record EntityRow(NamedEntity Entity, int Mentions, bool Confident, bool Public);

    public sealed record QuoteRow(int Id, string Text, int? SpeakerId, string? SpeakerName, bool SpeakerConfident, bool Public);

    /// <summary>The story as this page names it: no body is read for a headline.</summary>
    public sealed record StoryHeading(int Id, string Headline);

    public StoryHeading Story { get; private set; } = null!;
    public bool StoryPublic { get; private set; }
    public IReadOnlyList<EntityRow> Rows { get; private set; } = [];
    public IReadOnlyList<QuoteRow> Quotes { get; private set; } = [];
    public Confirmation? Confirmation { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, StatusCodes.Status200OK, ct);

    /// <summary>Confirms the entity as the type chosen (a retype when it differs), for every story.</summary>
    public Task<IActionResult> OnPostRetypeAsync(int id, int entity, string? type, CancellationToken ct) =>
        DecideAsync(id, entity, ct, async found => EntityCorrections.ParseType(type) is { } chosen
            ? await corrections.ConfirmAsync(User, found.Id, chosen, ct)
            : new EntityCorrections.Outcome(EntityCorrections.ChooseType, null));

    /// <summary>Shows a hidden or unsure entity on public pages: an editor's confirmation under its present type.</summary>
    public Task<IActionResult> OnPostShowAsync(int id, int entity, CancellationToken ct) =>
        DecideAsync(id, entity, ct, async found => await corrections.ConfirmAsync(User, found.Id, found.Type, ct));

    /// <summary>Hides the entity from every public page, once the editor confirmed that it is not this story alone.</summary>
    public Task<IActionResult> OnPostHideAsync(int id, int entity, string? confirm, CancellationToken ct) =>
        DecideAsync(id, entity, ct, async found =>
        {
            if (Confirmation.Given(confirm, HideConfirmation))
            {
                return await corrections.HideAsync(User, found.Id, ct);
            }
            Confirmation = new Confirmation(
                $"Hide {EntityCorrections.Describe(found)} from every public page?",
                $"Readers stop seeing \"{found.Name}\" under this story and under every other story that names it, and its page goes. "
                + "Its mentions and quotes stay in the newsroom; \"Show on public pages\" brings it back.",
                "Yes, hide it", $"/newsroom/articles/{id}/entities", HideConfirmation)
            {
                Action = $"/newsroom/articles/{id}/entities?handler=Hide&entity={found.Id}",
            };
            return null;
        });

    /// <summary>Takes a quote of this story from its speaker, once confirmed.</summary>
    public async Task<IActionResult> OnPostDetachAsync(int id, int quote, string? confirm, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == id, ct))
        {
            return NotFound();
        }
        var found = await db.Set<ArticleQuote>().AsNoTracking().Where(q => q.Id == quote && q.ArticleId == id && q.SpeakerId != null)
            .Select(q => new { q.Text, SpeakerId = q.SpeakerId!.Value, q.Speaker!.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            Problem = "That quote has no speaker in this story any more; the list below is current.";
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        if (!Confirmation.Given(confirm, DetachConfirmation))
        {
            Confirmation = new Confirmation(
                $"Detach \"{EntityCorrections.Shorten(found.Text, 80)}\" from \"{found.Name}\"?",
                $"The quote stays in the story but names no speaker; \"{found.Name}\"'s page stops listing it, and later analyses of the story do not give it back.",
                "Yes, detach it", $"/newsroom/articles/{id}/entities", DetachConfirmation)
            {
                Action = $"/newsroom/articles/{id}/entities?handler=Detach&quote={quote}",
            };
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }
        Problem = await corrections.DetachQuoteAsync(User, found.SpeakerId, quote, ct);
        if (Problem is not null)
        {
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Notice = $"Detached \"{EntityCorrections.Shorten(found.Text, 80)}\" from \"{found.Name}\".";
        return LocalRedirect($"/newsroom/articles/{id}/entities");
    }

    /// <summary>
    /// Runs a decision on an entity this story names; null from <paramref name="decide"/> means it
    /// asked for a confirmation instead, which the page shows.
    /// </summary>
    private async Task<IActionResult> DecideAsync(int id, int entityId, CancellationToken ct, Func<NamedEntity, Task<EntityCorrections.Outcome?>> decide)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == id, ct))
        {
            return NotFound();
        }
        var found = await db.Set<EntityMention>().AsNoTracking().Where(m => m.ArticleId == id && m.EntityId == entityId)
            .Select(m => m.Entity).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            Problem = "That entity is not named in this story any more; the list below is current.";
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var outcome = await decide(found);
        if (outcome is null)
        {
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }
        if (outcome.Problem is not null)
        {
            Problem = outcome.Problem;
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Notice = outcome.Notice;
        return LocalRedirect($"/newsroom/articles/{id}/entities");
    }

    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken ct)
    {
        var story = await db.Articles.Where(a => a.Id == id).Select(a => new StoryHeading(a.Id, a.Headline)).FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return NotFound();
        }
        Story = story;
        // The rule every public page follows: a published story without a reader password, and the entity shown by PublicEntities.
        StoryPublic = await articles.Published().AnyAsync(a => a.Id == id && a.Password == null, ct);
        var shown = db.Set<EntityMention>().Shown().Where(m => m.ArticleId == id).Select(m => m.EntityId);
        var rows = await db.Set<EntityMention>().AsNoTracking().Where(m => m.ArticleId == id)
            .Select(m => new { m.Entity, m.Count, m.Confident, Shown = shown.Contains(m.EntityId) })
            .ToListAsync(ct);
        Rows = rows.Select(r => new EntityRow(r.Entity, r.Count, r.Confident, StoryPublic && r.Shown))
            .OrderBy(r => r.Entity.Type).ThenByDescending(r => r.Mentions).ThenBy(r => r.Entity.Name, StringComparer.CurrentCulture)
            .ToList();
        var attributed = db.Set<ArticleQuote>().Attributed().Where(q => q.ArticleId == id).Select(q => q.Id);
        Quotes = await db.Set<ArticleQuote>().AsNoTracking().Where(q => q.ArticleId == id).OrderBy(q => q.Start)
            .Select(q => new QuoteRow(q.Id, q.Text, q.SpeakerId, q.Speaker == null ? null : q.Speaker.Name, q.SpeakerConfident, attributed.Contains(q.Id)))
            .ToListAsync(ct);
        Quotes = Quotes.Select(q => q with { Public = StoryPublic && q.Public }).ToList();
        Response.StatusCode = status;
        return Page();
    }

    public static string Confidence(bool confident) => confident ? "sure" : "not sure";

    public string Visibility(EntityRow row) => row.Public ? "Yes"
        : row.Entity.Review == EntityReview.Hidden ? "No: hidden"
        : !StoryPublic ? "Not while the story is not public"
        : "No: not sure enough";

    public static IEnumerable<EntityType> Types => Enum.GetValues<EntityType>();
}