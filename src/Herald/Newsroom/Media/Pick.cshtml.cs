using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Media;

/// <summary>The editor's featured-image picker asks here: pictures matching the words typed, as JSON.</summary>
public sealed class PickModel(HeraldDbContext db, SiteState site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (q is { Length: > MediaPicker.MaxQuery })
        {
            return new JsonResult(new { message = $"Search with at most {MediaPicker.MaxQuery} characters." }) { StatusCode = 400 };
        }
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var found = await MediaPicker.FindAsync(db, q, MediaPicker.PageSize, null, ct);
        return new JsonResult(new
        {
            items = found.Select(m => new
            {
                id = m.Id,
                name = m.Name,
                thumbnailUrl = m.ThumbnailUrl,
                focusClasses = m.FocusClasses,
                alt = m.Alt,
                caption = m.Caption,
                credit = m.Credit,
                details = m.Details(zone),
            }),
        });
    }
}