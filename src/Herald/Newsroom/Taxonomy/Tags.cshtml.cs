using System.ComponentModel.DataAnnotations;
using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Taxonomy;

/// <summary>Tags that writers add as they go, tidied here: rename, merge by slug, remove.</summary>
// Declared like Categories.cshtml.cs on purpose: each page names its own model, form and messages;
// what they do alike lives once, in TaxonomyPageModel.
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class TagsModel(HeraldDbContext db, SiteChanges changes) : TaxonomyPageModel<Tag>(db, changes)
{
    public IReadOnlyList<(Tag Tag, int Articles)> Tags { get; private set; } = [];

    [BindProperty]
    public TagForm Form { get; set; } = new();

    protected override string Noun => "tag";

    protected override string ListPath => "/newsroom/tags";

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        SaveAsync(Form.Id, Form.Name, Form.Slug, (name, slug) => new Tag { Name = name, Slug = slug }, _ => { }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var rows = await Db.Tags.AsNoTracking().OrderBy(t => t.Name)
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