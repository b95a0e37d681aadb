using System.ComponentModel.DataAnnotations;
using Herald.Media;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Media;

/// <summary>
/// One picture: its renditions, a Markdown snippet for the story, its words and its focal point
/// (uploader or editors).
/// </summary>
public sealed class ItemModel(HeraldDbContext db, Hosting.Invalidation.SiteWriter writer, IAuthorizationService authorization,
    Site.SiteState site, TimeProvider clock) : PageModel
{
    public MediaItem Item { get; private set; } = null!;
    public bool MayEdit { get; private set; }

    [BindProperty]
    public LibraryModel.UploadForm Words { get; set; } = new();

    /// <summary>The focal point as typed or clicked, kept in its fields when it is refused.</summary>
    [BindProperty]
    public FocusForm Focus { get; set; } = new();

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
        Focus = new() { X = Item.FocusX, Y = Item.FocusY };
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

    /// <summary>
    /// Moves the focal point, and with it the crop of every story that shows the picture as its
    /// featured image: their cards change on every page that lists them, evicted in the same write.
    /// </summary>
    public async Task<IActionResult> OnPostFocusAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEdit)
        {
            return Forbid();
        }
        Words = new() { Alt = Item.Alt, Caption = Item.Caption, Credit = Item.Credit };
        if (Focus.X is not { } x || Focus.Y is not { } y || !FocalPoint.IsValid(x) || !FocalPoint.IsValid(y))
        {
            Problem = "The focal point is two whole numbers from 0 to 100: how far across and how far down the picture, in percent (50 and 50 is the middle).";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var now = clock.GetUtcNow().UtcDateTime;
        await writer.CommitAsync(async (tags, token) =>
        {
            var tracked = await db.MediaItems.FirstAsync(m => m.Id == id, token);
            tracked.FocusX = x;
            tracked.FocusY = y;
            var showing = await db.Articles
                .Where(a => a.FeaturedImage != null && a.FeaturedImage.MediaItemId == id)
                .Include(a => a.Categories).Include(a => a.PrimaryCategory).Include(a => a.Tags).Include(a => a.Authors).ThenInclude(b => b.Author)
                .AsSplitQuery()
                .ToListAsync(token);
            foreach (var article in showing)
            {
                article.FeaturedImage!.FocusX = x;
                article.FeaturedImage.FocusY = y;
                tags.AddRange(Hosting.CacheTags.ShowingNow(article, zone, now));
            }
            tags.Add(Hosting.CacheTags.WordPressApi);
        }, ct);
        Notice = $"Focal point saved: {x}% across, {y}% down. Cropped pictures of the stories that show it follow.";
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

    public sealed class FocusForm
    {
        public int? X { get; set; }
        public int? Y { get; set; }
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.0} MB" : $"{bytes / 1024.0:0} KB";
}