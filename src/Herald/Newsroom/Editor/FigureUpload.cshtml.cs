using System.ComponentModel.DataAnnotations;
using Herald.Articles;
using Herald.Articles.Figures;
using Herald.Media;
using Herald.Newsroom.Media;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Editor;

/// <summary>
/// A picture uploaded from the editor: it goes through the media library's own intake (same
/// limits, same checks, kept in the library with its words), and the answer is the
/// <c>::: figure</c> block the editor inserts into the story. Answers are JSON for the editor's
/// script; a refusal carries a message for the person, and nothing in the story is touched.
/// </summary>
[Authorize(Policy = NewsroomAccess.Authors)]
public sealed class FigureUploadModel(HeraldDbContext db, MediaLibrary library) : PageModel
{
    [BindProperty]
    public FigureForm Figure { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Refuse(400, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        if (file is null)
        {
            return Refuse(400, "Choose a picture to upload.");
        }
        if (string.IsNullOrWhiteSpace(Figure.Alt))
        {
            return Refuse(400, "Describe what the picture shows (alt text) for readers who cannot see it.");
        }
        MediaItem item;
        try
        {
            var by = await StaffMember.ResolveAsync(db, User, ct);
            item = await library.UploadAsync(file, new UploadText(Figure.Alt, Figure.Caption, Figure.Credit), by, ct);
        }
        catch (MediaRejectedException rejected)
        {
            return Refuse(rejected.StatusCode, rejected.Message);
        }
        var figure = new Figure(item.Url, item.Alt, item.Caption, item.Credit);
        return new JsonResult(new
        {
            id = item.Id,
            url = item.Url,
            width = item.Width,
            height = item.Height,
            name = item.OriginalName,
            markdown = figure.ToMarkdown(),
        });
    }

    private static JsonResult Refuse(int status, string message) => new(new { message }) { StatusCode = status };

    public sealed class FigureForm
    {
        [StringLength(ArticleLimits.ImageAlt, ErrorMessage = "Alt text has at most 500 characters.")]
        public string? Alt { get; set; }

        [StringLength(ArticleLimits.ImageCaption, ErrorMessage = "A caption has at most 1,000 characters.")]
        public string? Caption { get; set; }

        [StringLength(ArticleLimits.ImageCredit, ErrorMessage = "A credit has at most 300 characters.")]
        public string? Credit { get; set; }
    }
}