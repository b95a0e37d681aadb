using Herald.Articles;
using Herald.Site;
using Herald.Site.Breaking;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Breaking;

/// <summary>
/// The breaking-news desk (editors and administrators): the banner up now, and the confirmation
/// that raises a story — named, since it goes on every page of the site — with how long it stays.
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class BreakingModel(HeraldDbContext db, BreakingNewsDesk desk, BreakingNewsState state, SiteState site, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(BreakingExpiry Value, string Label)> Expiries =
    [
        (BreakingExpiry.OneHour, "1 hour"),
        (BreakingExpiry.ThreeHours, "3 hours"),
        (BreakingExpiry.SixHours, "6 hours"),
        (BreakingExpiry.OneDay, "24 hours"),
        (BreakingExpiry.UntilCleared, "Until cleared"),
    ];

    [BindProperty(Name = "article")]
    public int? ArticleId { get; set; }

    [BindProperty]
    public BreakingExpiry Expiry { get; set; } = BreakingExpiry.ThreeHours;

    /// <summary>The story about to be raised, when one was chosen.</summary>
    public (int Id, string Headline)? Candidate { get; private set; }

    public BreakingBanner? Current { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool CurrentExpired { get; private set; }
    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "article")] int? article, CancellationToken ct)
    {
        ArticleId = article;
        await LoadAsync(ct);
        if (article is not null && Candidate is null)
        {
            Problem ??= "There is no such story.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRaiseAsync(CancellationToken ct)
    {
        if (ArticleId is not { } id)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose the story to flag as breaking news.", ct);
        }
        // An expiry the form never offered does not bind (ModelState), or binds to no named value.
        if (!ModelState.IsValid || !Enum.IsDefined(Expiry))
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose how long the banner stays: 1, 3, 6 or 24 hours, or until cleared.", ct);
        }
        var outcome = await desk.RaiseAsync(id, Expiry, User.Identity?.Name ?? "", ct);
        if (outcome is RaiseOutcome.Refused refused)
        {
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, refused.Problem, ct);
        }
        var raised = (RaiseOutcome.Raised)outcome;
        Notice = $"\"{raised.Headline}\" is now the breaking-news banner on every page."
            + (raised.Replaced is { } old ? $" It replaced \"{old}\"." : "");
        return Redirect("/newsroom/breaking");
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        var cleared = await desk.ClearAsync(ct);
        Notice = cleared is null ? "There was no breaking-news banner to clear." : $"The banner for \"{cleared}\" is cleared.";
        return Redirect("/newsroom/breaking");
    }

    private async Task<IActionResult> RefuseAsync(int status, string problem, CancellationToken ct)
    {
        Problem = problem;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        Current = await state.GetAsync(ct);
        CurrentExpired = Current is not null && !Current.IsShownAt(clock.GetUtcNow().UtcDateTime);
        if (ArticleId is { } id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var story = await db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Id, a.Headline, Public = a.Status == ArticleStatus.Published && a.PublishedAt <= now })
                .FirstOrDefaultAsync(ct);
            if (story is { Public: true })
            {
                Candidate = (story.Id, story.Headline);
            }
            else if (story is not null)
            {
                Problem ??= $"\"{story.Headline}\" is not published, so it cannot be breaking news yet.";
            }
        }
    }
}