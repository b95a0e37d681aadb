using System.ComponentModel.DataAnnotations;
using Herald.Newsroom.Taxonomy;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Administration;

/// <summary>The site's settings (administrators only).</summary>
[Authorize(Policy = NewsroomAccess.Administrators)]
public sealed class SettingsModel(HeraldDbContext db, SiteChanges changes) : PageModel
{
    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
        Form = new SettingsForm
        {
            Title = settings.Title,
            Tagline = settings.Tagline,
            TimeZoneId = settings.TimeZoneId,
            PostsPerPage = settings.PostsPerPage,
            CommentsOpenByDefault = settings.CommentsOpenByDefault,
            CloseCommentsAfterDays = settings.CloseCommentsAfterDays,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Form.TimeZoneId.Trim(), out _))
        {
            problems.Add($"\"{Form.TimeZoneId}\" is not a time zone this server knows. Use a name like Europe/Oslo or America/New_York.");
        }
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var settings = await db.SiteSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }
        settings.Title = Form.Title.Trim();
        settings.Tagline = Form.Tagline?.Trim() ?? "";
        settings.TimeZoneId = Form.TimeZoneId.Trim();
        settings.PostsPerPage = Form.PostsPerPage;
        settings.CommentsOpenByDefault = Form.CommentsOpenByDefault;
        settings.CloseCommentsAfterDays = Form.CloseCommentsAfterDays;
        await changes.SaveAsync(ct);
        Notice = "Settings saved.";
        return Redirect("/newsroom/settings");
    }

    public sealed class SettingsForm
    {
        [Required(ErrorMessage = "The site needs a title.")]
        [StringLength(200, ErrorMessage = "The title has at most 200 characters.")]
        public string Title { get; set; } = "";

        [StringLength(400, ErrorMessage = "The tagline has at most 400 characters.")]
        public string? Tagline { get; set; }

        [Required(ErrorMessage = "Choose a time zone.")]
        [StringLength(100, ErrorMessage = "A time zone name has at most 100 characters.")]
        public string TimeZoneId { get; set; } = "UTC";

        [Range(1, 100, ErrorMessage = "Posts per page is a number from 1 to 100.")]
        public int PostsPerPage { get; set; } = 10;

        public bool CommentsOpenByDefault { get; set; } = true;

        [Range(0, 3650, ErrorMessage = "Close comments after 0 (never) to 3,650 days.")]
        public int CloseCommentsAfterDays { get; set; }
    }
}