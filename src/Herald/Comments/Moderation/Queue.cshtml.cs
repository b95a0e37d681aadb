using Herald.Articles;
using Herald.Newsroom;
using Herald.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Comments.Moderation;

/// <summary>The moderation queue: comments of one status, acted on one or many at a time.</summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class QueueModel(ModerationQueries queries, CommentModerator moderator, SiteState site) : PageModel
{
    private const int PageSize = 50;

    public ModerationStatus Status { get; private set; } = ModerationStatus.Pending;
    public PagedList<ModerationRow> Comments { get; private set; } = null!;
    public IReadOnlyDictionary<ModerationStatus, int> Counts { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] string? pageNumber, string? done, CancellationToken ct)
    {
        if (!TryParseStatus(status, out var parsed) || !PageNumber.TryParse(pageNumber, out var number))
        {
            return BadRequest();
        }
        Status = parsed;
        Comments = await queries.ListAsync(Status, number, PageSize, ct);
        Counts = await queries.CountsAsync(ct);
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        Done = done is { Length: <= 100 } ? done : null;
        return Page();
    }

    /// <summary>
    /// One form serves both kinds of button: a row's own button names "action:id", the bulk
    /// buttons name the action and act on the ticked boxes.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string? status, [FromForm] List<int>? ids, [FromForm] string? action, [FromForm] string? one, CancellationToken ct)
    {
        if (!TryParseStatus(status, out var current))
        {
            return BadRequest();
        }
        var targets = ids ?? [];
        var verb = action;
        if (one is { Length: < 40 } && one.Split(':') is [var rowVerb, var rowId] && int.TryParse(rowId, out var id))
        {
            verb = rowVerb;
            targets = [id];
        }
        if (!Enum.TryParse<ModerationAction>(verb, ignoreCase: true, out var parsedAction) || !Enum.IsDefined(parsedAction))
        {
            return BadRequest();
        }
        if (targets.Count == 0 || targets.Count > CommentModerator.MaxBatch)
        {
            return Redirect($"/newsroom/comments?status={current.ToString().ToLowerInvariant()}&done={Uri.EscapeDataString("Tick at least one comment (at most 200) first.")}");
        }
        var changed = await moderator.ApplyAsync(targets, parsedAction, User.Identity?.Name ?? "an editor", ct);
        var message = $"{changed} comment{(changed == 1 ? "" : "s")}: {parsedAction.ToString().ToLowerInvariant()}.";
        return Redirect($"/newsroom/comments?status={current.ToString().ToLowerInvariant()}&done={Uri.EscapeDataString(message)}");
    }

    private static bool TryParseStatus(string? value, out ModerationStatus status)
    {
        status = ModerationStatus.Pending;
        return string.IsNullOrEmpty(value)
            || (value.Length < 20 && Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _));
    }
}