using System.Globalization;
using Herald.Articles;
using Herald.Newsroom;
using Herald.Newsroom.Confirm;
using Herald.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Comments.Moderation;

/// <summary>
/// The moderation queue: comments of one status, acted on one or many at a time. Acting on many
/// asks first, naming whose comments on which stories; every step can be undone straight after.
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class QueueModel(ModerationQueries queries, CommentModerator moderator, SiteState site) : PageModel
{
    private const int PageSize = 50;

    public ModerationStatus Status { get; private set; } = ModerationStatus.Pending;
    public PagedList<ModerationRow> Comments { get; private set; } = null!;
    public IReadOnlyDictionary<ModerationStatus, int> Counts { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string? Done { get; private set; }

    /// <summary>A bulk step waiting for the editor's yes.</summary>
    public Confirmation? Confirmation { get; private set; }

    /// <summary>The states the last step replaced, for its Undo button (<see cref="UndoList"/>).</summary>
    [TempData]
    public string? Undo { get; set; }

    public const string BulkConfirmation = "bulk";

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] string? pageNumber, string? done, CancellationToken ct)
    {
        if (!TryParseStatus(status, out var parsed) || !PageNumber.TryParse(pageNumber, out var number))
        {
            return BadRequest();
        }
        Done = done is { Length: <= 100 } ? done : null;
        await LoadAsync(parsed, number, ct);
        return Page();
    }

    private async Task LoadAsync(ModerationStatus status, int number, CancellationToken ct)
    {
        Status = status;
        Comments = await queries.ListAsync(Status, number, PageSize, ct);
        Counts = await queries.CountsAsync(ct);
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
    }

    /// <summary>
    /// One form serves both kinds of button: a row's own button names "action:id", the bulk
    /// buttons name the action and act on the ticked boxes.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(
        string? status, [FromForm] List<int>? ids, [FromForm] string? action, [FromForm] string? one,
        [FromForm] string? confirm, [FromForm(Name = "confirmed-ids")] string? confirmedIds, CancellationToken ct)
    {
        if (!TryParseStatus(status, out var current))
        {
            return BadRequest();
        }
        var targets = ids ?? [];
        if (Confirmation.Given(confirm, BulkConfirmation))
        {
            if (!TryParseIds(confirmedIds, out targets))
            {
                return BadRequest();
            }
        }
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
        var bulk = one is null && targets.Distinct().Count() > 1 && parsedAction != ModerationAction.Restore;
        if (bulk && !Confirmation.Given(confirm, BulkConfirmation))
        {
            Confirmation = await AskAsync(current, parsedAction, targets.Distinct().ToList(), ct);
            await LoadAsync(current, 1, ct);
            return Page();
        }
        var before = await moderator.ApplyAsync(targets, parsedAction, User.Identity?.Name ?? "an editor", ct);
        Undo = before.Count > 0 ? UndoList.Format(before) : null;
        var message = $"{before.Count} comment{(before.Count == 1 ? "" : "s")}: {parsedAction.ToString().ToLowerInvariant()}.";
        return Redirect($"/newsroom/comments?status={current.ToString().ToLowerInvariant()}&done={Uri.EscapeDataString(message)}");
    }

    /// <summary>Puts the comments of the last step back as they were.</summary>
    public async Task<IActionResult> OnPostUndoAsync(string? status, [FromForm] string? undo, CancellationToken ct)
    {
        if (!TryParseStatus(status, out var current) || !UndoList.TryParse(undo, out var before))
        {
            return BadRequest();
        }
        var changed = await moderator.UndoAsync(before, User.Identity?.Name ?? "an editor", ct);
        var message = $"Undone: {changed} comment{(changed == 1 ? " is" : "s are")} back as before.";
        return Redirect($"/newsroom/comments?status={current.ToString().ToLowerInvariant()}&done={Uri.EscapeDataString(message)}");
    }

    private async Task<Confirmation> AskAsync(ModerationStatus current, ModerationAction action, List<int> targets, CancellationToken ct)
    {
        var described = await queries.DescribeAsync(targets, ct);
        var authors = described.Select(d => d.Author).Distinct().ToList();
        var stories = described.Select(d => d.Headline).Distinct().ToList();
        var who = authors.Count <= 3 ? Join(authors) : $"{string.Join(", ", authors.Take(3))} and {authors.Count - 3} others";
        var where = stories.Count == 1 ? $"\u201c{stories[0]}\u201d" : $"\u201c{stories[0]}\u201d and {stories.Count - 1} other {(stories.Count == 2 ? "story" : "stories")}";
        var n = described.Count;
        var (question, button, consequence) = action switch
        {
            ModerationAction.Approve => ($"Approve {n} comments by {who}?", $"Yes, approve {n} comments",
                $"They appear at once under {where}, and the spam filter learns they are welcome."),
            ModerationAction.Spam => ($"Mark {n} comments by {who} as spam?", $"Yes, mark {n} comments as spam",
                $"Those shown under {where} leave the site, and the spam filter learns from them. They stay in the Spam list, from which they can be restored."),
            _ => ($"Move {n} comments by {who} to the trash?", $"Yes, move {n} comments to the trash",
                $"Those shown under {where} leave the site. They stay in the Trash list, from which they can be restored."),
        };
        var status = current.ToString().ToLowerInvariant();
        return new Confirmation(question, consequence + " You can undo this straight after.", button, $"/newsroom/comments?status={status}", BulkConfirmation)
        {
            Action = $"/newsroom/comments?status={status}",
            Fields = new Dictionary<string, string>
            {
                ["action"] = action.ToString().ToLowerInvariant(),
                ["confirmed-ids"] = string.Join(',', targets.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            },
        };
    }

    private static string Join(List<string> names) => names.Count switch
    {
        0 => "nobody",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    private static bool TryParseIds(string? text, out List<int> ids)
    {
        ids = [];
        if (string.IsNullOrEmpty(text) || text.Length > CommentModerator.MaxBatch * 12)
        {
            return false;
        }
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }
            ids.Add(id);
        }
        return ids.Count <= CommentModerator.MaxBatch;
    }

    private static bool TryParseStatus(string? value, out ModerationStatus status)
    {
        status = ModerationStatus.Pending;
        return string.IsNullOrEmpty(value)
            || (value.Length < 20 && Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _));
    }
}