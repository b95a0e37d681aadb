using System.ComponentModel.DataAnnotations;
using Herald.Media;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Media;

/// <summary>The media library: every picture with its words, and the upload form (authors and up).</summary>
public sealed class LibraryModel(HeraldDbContext db, MediaLibrary library, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public bool MayUpload { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty]
    public UploadForm Upload { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, NewsroomAccess.Authors)).Succeeded)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return await ShowProblemAsync(400, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        if (file is null)
        {
            return await ShowProblemAsync(400, "Choose a picture to upload.", ct);
        }
        try
        {
            var by = await StaffMember.ResolveAsync(db, User, ct);
            var item = await library.UploadAsync(file, new UploadText(Upload.Alt, Upload.Caption, Upload.Credit), by, ct);
            Notice = $"Uploaded {item.OriginalName} ({item.Width} × {item.Height}).";
            return Redirect($"/newsroom/media/{item.Id}");
        }
        catch (MediaRejectedException rejected)
        {
            return await ShowProblemAsync(rejected.StatusCode, rejected.Message, ct);
        }
    }

    private async Task<IActionResult> ShowProblemAsync(int status, string problem, CancellationToken ct)
    {
        Problem = problem;
        await PrepareAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        MayUpload = (await authorization.AuthorizeAsync(User, NewsroomAccess.Authors)).Succeeded;
        Items = await db.MediaItems.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(200).ToListAsync(ct);
    }

    public sealed class UploadForm
    {
        [StringLength(500, ErrorMessage = "Alt text has at most 500 characters.")]
        public string? Alt { get; set; }

        [StringLength(1000, ErrorMessage = "A caption has at most 1,000 characters.")]
        public string? Caption { get; set; }

        [StringLength(300, ErrorMessage = "A credit has at most 300 characters.")]
        public string? Credit { get; set; }
    }
}