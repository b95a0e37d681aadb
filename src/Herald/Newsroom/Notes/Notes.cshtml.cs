using Herald.Articles;
using Herald.Newsroom.Confirm;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Notes;

/// <summary>
/// A live story's corrections and updates: the ones it carries, and a form to append one. Appending
/// is public and permanent, so it asks first, with the typed words kept in the form.
/// </summary>
public sealed class NotesModel(HeraldDbContext db, ArticleNotes notes, IAuthorizationService authorization, SiteState site) : PageModel
{
    public const string AppendConfirmation = "append-note";

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleNote> Existing { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool MayAppend { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public Confirmation? Confirmation { get; private set; }

    [BindProperty]
    public ArticleNoteKind Kind { get; set; } = ArticleNoteKind.Correction;

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, string? confirm, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        if (Article.Status != ArticleStatus.Published)
        {
            return Refuse(["Only a published story takes a correction or update; change the text of a draft instead."]);
        }
        if (!MayAppend)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Refuse(["Choose whether the note is a correction or an update."]);
        }
        if (!Confirmation.Given(confirm, AppendConfirmation))
        {
            var what = Kind == ArticleNoteKind.Correction ? "correction" : "update";
            Confirmation = new Confirmation(
                $"Append this {what} to \u201c{Article.Headline}\u201d?",
                $"It shows at once, dated today, on the story, in the feeds and in what search engines read, and it stays: a {what} cannot be taken back, only followed by another.",
                $"Yes, append the {what}", $"/newsroom/articles/{id}/notes", AppendConfirmation)
            {
                Form = "note-form",
            };
            return Page();
        }
        switch (await notes.AddAsync(User, id, Kind, Text, ct))
        {
            case NoteOutcome.Added added:
                Notice = $"The {(added.Note.Kind == ArticleNoteKind.Correction ? "correction" : "update")} is on the story now.";
                return Redirect($"/newsroom/articles/{id}/notes");
            case NoteOutcome.Refused refused:
                return Refuse(refused.Problems);
            case NoteOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>Shows the problems with the words still in the form, as 422.</summary>
    private PageResult Refuse(IReadOnlyList<string> problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Authors)
            .FirstOrDefaultAsync(a => a.Id == id && a.Kind == ArticleKind.Story, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, article, ArticleOperations.Edit)).Succeeded)
        {
            return Forbid();
        }
        Article = article;
        Existing = await db.ArticleNotes.AsNoTracking().Where(n => n.ArticleId == id).OrderBy(n => n.AddedAt).ToListAsync(ct);
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        MayAppend = article.Status == ArticleStatus.Published
            && (await authorization.AuthorizeAsync(User, article, ArticleOperations.Publish)).Succeeded;
        return null;
    }
}