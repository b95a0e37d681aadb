using System.ComponentModel.DataAnnotations;
using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Taxonomy;

/// <summary>The site's sections: add, rename, reorder, remove (editors and administrators).</summary>
public sealed class CategoriesModel(HeraldDbContext db, SiteChanges changes) : PageModel
{
    public IReadOnlyList<(Category Category, int Articles)> Categories { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty]
    public CategoryForm Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        var category = Form.Id == 0 ? null : await db.Categories.FirstOrDefaultAsync(c => c.Id == Form.Id, ct);
        if (Form.Id != 0 && category is null)
        {
            return NotFound();
        }
        var slug = Slugs.From(string.IsNullOrWhiteSpace(Form.Slug) ? Form.Name : Form.Slug);
        if (await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != Form.Id, ct))
        {
            return await ShowAsync($"Another section already has the slug \"{slug}\".", ct);
        }
        if (category is null)
        {
            category = new Category { Name = Form.Name.Trim(), Slug = slug };
            db.Categories.Add(category);
        }
        category.Name = Form.Name.Trim();
        category.Slug = slug;
        category.Description = string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description.Trim();
        category.Position = Form.Position;
        await changes.SaveAsync(ct);
        Notice = $"Saved the section \"{category.Name}\".";
        return Redirect("/newsroom/categories");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return NotFound();
        }
        db.Categories.Remove(category);
        await changes.SaveAsync(ct);
        Notice = $"Removed the section \"{category.Name}\"; its articles stay, without it.";
        return Redirect("/newsroom/categories");
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
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { Category = c, Count = c.Articles.Count }).ToListAsync(ct);
        Categories = rows.Select(r => (r.Category, r.Count)).ToList();
    }

    public sealed class CategoryForm
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "A section needs a name.")]
        [StringLength(200, ErrorMessage = "A section name has at most 200 characters.")]
        public string Name { get; set; } = "";

        [StringLength(200, ErrorMessage = "A slug has at most 200 characters.")]
        public string? Slug { get; set; }

        [StringLength(1000, ErrorMessage = "A description has at most 1,000 characters.")]
        public string? Description { get; set; }

        [Range(0, 1000, ErrorMessage = "The position is a number from 0 to 1,000.")]
        public int Position { get; set; }
    }
}