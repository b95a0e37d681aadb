using System.ComponentModel.DataAnnotations;
using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Taxonomy;

/// <summary>Tags that writers add as they go, tidied here: rename, merge by slug, remove.</summary>
public sealed class TagsModel(HeraldDbContext db, SiteChanges changes) : PageModel
{
    public IReadOnlyList<(Tag Tag, int Articles)> Tags { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty]
    public TagForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        var tag = Form.Id == 0 ? null : await db.Tags.FirstOrDefaultAsync(t => t.Id == Form.Id, ct);
        if (Form.Id != 0 && tag is null)
        {
            return NotFound();
        }
        var slug = Slugs.From(string.IsNullOrWhiteSpace(Form.Slug) ? Form.Name : Form.Slug);
        if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != Form.Id, ct))
        {
            return await ShowAsync($"Another tag already has the slug \"{slug}\".", ct);
        }
        if (tag is null)
        {
            tag = new Tag { Name = Form.Name.Trim(), Slug = slug };
            db.Tags.Add(tag);
        }
        tag.Name = Form.Name.Trim();
        tag.Slug = slug;
        await changes.SaveAsync(ct);
        Notice = $"Saved the tag \"{tag.Name}\".";
        return Redirect("/newsroom/tags");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return NotFound();
        }
        db.Tags.Remove(tag);
        await changes.SaveAsync(ct);
        Notice = $"Removed the tag \"{tag.Name}\".";
        return Redirect("/newsroom/tags");
    }

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { Tag = t, Count = t.Articles.Count }).Take(2000).ToListAsync(ct);
        Tags = rows.Select(r => (r.Tag, r.Count)).ToList();
    }

    public sealed class TagForm
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "A tag needs a name.")]
        [StringLength(100, ErrorMessage = "A tag has at most 100 characters.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "A slug has at most 200 characters.")]
        public string? Slug { get; set; }
    }
}