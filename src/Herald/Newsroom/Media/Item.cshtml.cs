using System.ComponentModel.DataAnnotations;
using Herald.Media;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Media;

/// <summary>One picture: its renditions, a Markdown snippet for the story, and its words (uploader or editors).</summary>
public sealed class ItemModel(HeraldDbContext db, Hosting.Invalidation.SiteWriter writer, IAuthorizationService authorization) : PageModel
{
    public MediaItem Item { get; private set; } = null!;
    public bool MayEdit { get; private set; }

    [BindProperty]
    public LibraryModel.UploadForm Words { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Words = new() { Alt = Item.Alt, Caption = Item.Caption, Credit = Item.Credit };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEdit)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var tracked = await db.MediaItems.FirstAsync(m => m.Id == id, ct);
        tracked.Alt = Words.Alt?.Trim() ?? "";
        tracked.Caption = string.IsNullOrWhiteSpace(Words.Caption) ? null : Words.Caption.Trim();
        tracked.Credit = string.IsNullOrWhiteSpace(Words.Credit) ? null : Words.Credit.Trim();
        // The WordPress API shows a library item's words (alt_text, caption); articles keep their own copy.
        await writer.SaveChangesAsync([Hosting.CacheTags.WordPressApi], ct);
        Notice = "Saved. Articles keep the words they were given; new ones will use these.";
        return Redirect($"/newsroom/media/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        // Editors change any picture's words; authors those of pictures they uploaded.
        MayEdit = (await authorization.AuthorizeAsync(User, NewsroomAccess.Editors)).Succeeded
            || (item.UploadedByUserId == userId && (await authorization.AuthorizeAsync(User, NewsroomAccess.Authors)).Succeeded);
        return true;
    }

    public string MarkdownSnippet => $"![{Item.Alt.Replace("]", "", StringComparison.Ordinal)}]({Item.Url})";

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.0} MB" : $"{bytes / 1024.0:0} KB";
}