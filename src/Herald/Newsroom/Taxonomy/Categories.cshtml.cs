using System.ComponentModel.DataAnnotations;
using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Taxonomy;

/// <summary>The site's sections: add, rename, reorder, remove (editors and administrators).</summary>
// Declared like Tags.cshtml.cs on purpose: each page names its own model, form and messages;
// what they do alike lives once, in TaxonomyPageModel.
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class CategoriesModel(HeraldDbContext db, SiteChanges changes) : TaxonomyPageModel<Category>(db, changes)
{
    public IReadOnlyList<(Category Category, int Articles)> Categories { get; private set; } = [];

    [BindProperty]
    public CategoryForm Form { get; set; } = new();

    protected override string Noun => "section";

    protected override string ListPath => "/newsroom/categories";

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(Form.Id, Form.Name, Form.Slug,
        (name, slug) => new Category { Name = name, Slug = slug },
        category =>
        {
            category.Description = string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description.Trim();
            category.Position = Form.Position;
        }, ct);

    protected override string RemovedNotice(Category term) => $"Removed the section \"{term.Name}\"; its articles stay, without it.";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var rows = await Db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
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