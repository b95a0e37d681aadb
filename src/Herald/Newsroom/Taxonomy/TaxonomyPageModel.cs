using Herald.Articles;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Taxonomy;

/// <summary>
/// What the sections and tags pages share: a row's form saves it (id 0 adds one), the slug is
/// the one typed or else made from the name and must be free among its kind, a row can be
/// removed, and a refused save answers 422 with the list and the words typed.
/// </summary>
public abstract class TaxonomyPageModel<TTerm>(HeraldDbContext db, SiteChanges changes) : PageModel
    where TTerm : class, ITaxonomyTerm
{
    public string? Problem { get; private set; }

    protected HeraldDbContext Db => db;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>"section" or "tag", for the messages.</summary>
    protected abstract string Noun { get; }

    /// <summary>The page's own address, where a save or a removal returns.</summary>
    protected abstract string ListPath { get; }

    protected abstract Task LoadAsync(CancellationToken ct);

    protected virtual string RemovedNotice(TTerm term) => $"Removed the {Noun} \"{term.Name}\".";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <param name="create">A new term with the name and slug.</param>
    /// <param name="applyRest">Copies the kind's other fields from the form.</param>
    protected async Task<IActionResult> SaveAsync(int id, string name, string? typedSlug, Func<string, string, TTerm> create, Action<TTerm> applyRest,
        CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        var terms = db.Set<TTerm>();
        var term = id == 0 ? null : await terms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (id != 0 && term is null)
        {
            return NotFound();
        }
        var slug = Slugs.From(string.IsNullOrWhiteSpace(typedSlug) ? name : typedSlug);
        if (await terms.AnyAsync(t => t.Slug == slug && t.Id != id, ct))
        {
            return await ShowAsync($"Another {Noun} already has the slug \"{slug}\".", ct);
        }
        if (term is null)
        {
            term = create(name.Trim(), slug);
            terms.Add(term);
        }
        term.Name = name.Trim();
        term.Slug = slug;
        applyRest(term);
        await changes.SaveAsync(ct);
        Notice = $"Saved the {Noun} \"{term.Name}\".";
        return Redirect(ListPath);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var terms = db.Set<TTerm>();
        var term = await terms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (term is null)
        {
            return NotFound();
        }
        terms.Remove(term);
        await changes.SaveAsync(ct);
        Notice = RemovedNotice(term);
        return Redirect(ListPath);
    }

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }
}