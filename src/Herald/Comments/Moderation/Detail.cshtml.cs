using Herald.Accounts;
using Herald.Newsroom;
using Herald.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Comments.Moderation;

/// <summary>One comment in the newsroom: read the why, edit it, or reply as staff.</summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class DetailModel(ModerationQueries queries, CommentModerator moderator, UserManager<HeraldUser> users, SiteState site) : PageModel
{
    public ModerationRow Comment { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public FormProblems? EditProblems { get; private set; }
    public FormProblems? ReplyProblems { get; private set; }

    [BindProperty]
    public EditForm Edit { get; set; } = new();

    [BindProperty]
    public string? ReplyBody { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Edit = new EditForm { Name = Comment.AuthorName, Website = Comment.AuthorUrl, Body = Comment.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        EditProblems = await moderator.EditAsync(id, Edit.Name ?? "", Edit.Website, Edit.Body ?? "", ct);
        if (!EditProblems.Any)
        {
            return Redirect($"/newsroom/comments/{id}?saved=1");
        }
        Response.StatusCode = EditProblems.StatusCode;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.Email is null)
        {
            return Forbid();
        }
        var staff = new StaffCommenter(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName, user.Email);
        var (reply, problems) = await moderator.ReplyAsStaffAsync(id, ReplyBody ?? "", staff, ct);
        if (reply is not null)
        {
            return Redirect($"/newsroom/comments/{reply.Id}?saved=1");
        }
        ReplyProblems = problems;
        Response.StatusCode = problems.StatusCode;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } row)
        {
            return false;
        }
        Comment = row;
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        return true;
    }

    public sealed class EditForm
    {
        public string? Name { get; set; }
        public string? Website { get; set; }
        public string? Body { get; set; }
    }
}