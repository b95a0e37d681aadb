using Herald.Articles;
using Herald.Newsroom.Publishing;
using Herald.Newsroom.Revisions;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Editor;

/// <summary>
/// The article editor. Every outcome keeps what the person typed: a refused save re-renders
/// their words with the reasons (422), a conflict shows both versions (409).
/// </summary>
public sealed class EditModel(HeraldDbContext db, ArticlePublisher publisher, Autosaver autosaver, SiteState site) : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    /// <summary>The article as stored; null while writing a new one.</summary>
    public Article? Stored { get; private set; }
    public EditorChoices Choices { get; private set; } = new([], [], []);
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    /// <summary>This person's autosave that never reached the article (a live article, a conflict).</summary>
    public ArticleRevision? PendingAutosave { get; private set; }
    public bool MayPublish { get; private set; }
    public bool MayDelete { get; private set; }
    public bool MayChooseAuthors { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Notice { get; set; }

    public string EditPath => Form.Id == 0 ? "/newsroom/articles/edit" : $"/newsroom/articles/edit/{Form.Id}";

    public async Task<IActionResult> OnGetAsync(int? id, int? revision, CancellationToken ct)
    {
        if (id is { } articleId)
        {
            var article = await LoadStoredAsync(articleId, ct);
            if (article is null)
            {
                return NotFound();
            }
            if (!ArticleAuthorizationHandler.Allows(User, ArticleOperations.Edit, article))
            {
                return Forbid();
            }
            Form = ArticleForm.From(article);
            if (revision is { } revisionId && await db.ArticleRevisions.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, ct) is { } kept)
            {
                (Form.Headline, Form.Dek, Form.Body, Form.Excerpt) = (kept.Headline, kept.Dek, kept.BodySource, kept.Excerpt);
                Notice = $"Loaded the words of {kept.UserName}'s version from {Display.DateAndTime(kept.CreatedAt, (await site.GetAsync(ct)).Settings.TimeZone)}. Nothing is saved until you press a button.";
            }
        }
        else
        {
            Form.CommentStatus = (await site.GetAsync(ct)).Settings.CommentsOpenByDefault ? CommentStatus.Open : CommentStatus.Closed;
        }
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? action, CancellationToken ct)
    {
        Form.Id = id ?? 0;
        if (!Enum.TryParse<EditorAction>(action, ignoreCase: true, out var step))
        {
            step = EditorAction.Save;
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ModelStateProblems(), ct);
        }
        var outcome = await publisher.SaveAsync(User, Form, step, ct);
        switch (outcome)
        {
            case PublishOutcome.Done done:
                Notice = $"{Workflow.Describe(step, done.Article, (await site.GetAsync(ct)).Settings.TimeZone)}.";
                return Redirect($"/newsroom/articles/edit/{done.Article.Id}");
            case PublishOutcome.Conflict conflict:
                db.ChangeTracker.Clear();
                var theirRevision = await db.ArticleRevisions.AsNoTracking()
                    .Where(r => r.ArticleId == conflict.Current.Id && r.Kind != RevisionKind.Autosave)
                    .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
                Conflict = ConflictView.Between(conflict.Current, theirRevision, Form);
                // Saving again from this page is a deliberate choice, made with both versions in view.
                Form.Version = conflict.Current.Version;
                ModelState.Remove("Form.Version"); // else the form would echo the stale posted version
                return await ShowAsync(StatusCodes.Status409Conflict, [], ct);
            case PublishOutcome.Rejected rejected:
                return await ShowAsync(StatusCodes.Status422UnprocessableEntity, rejected.Problems, ct);
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken ct)
    {
        Form.Id = id ?? Form.Id;
        if (!ModelState.IsValid)
        {
            return new JsonResult(new { message = "Not saved: " + string.Join(" ", ModelStateProblems()) }) { StatusCode = 422 };
        }
        var result = await autosaver.AutosaveAsync(User, Form, ct);
        return new JsonResult(new
        {
            id = result.Id,
            version = result.Version,
            applied = result.Applied,
            message = result.Message,
            editUrl = $"/newsroom/articles/edit/{result.Id}",
            autosaveUrl = $"/newsroom/articles/edit/{result.Id}?handler=autosave",
        })
        { StatusCode = result.StatusCode };
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        switch (await publisher.DeleteAsync(User, id, ct))
        {
            case PublishOutcome.Done done:
                TempData[nameof(Notice)] = $"Deleted \"{done.Article.Headline}\".";
                return Redirect("/newsroom/articles");
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(int status, IReadOnlyList<string> problems, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (Form.Id != 0)
        {
            Stored = await LoadStoredAsync(Form.Id, ct);
            if (Stored is null)
            {
                return NotFound();
            }
        }
        Problems = problems;
        await PrepareAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        Choices = await EditorChoices.LoadAsync(db, Form.FeaturedMediaId, ct);
        var probe = Stored ?? new Article { Slug = "", Headline = "", CreatedByUserId = StaffId() };
        MayPublish = ArticleAuthorizationHandler.Allows(User, ArticleOperations.Publish, probe);
        MayDelete = Stored is not null && ArticleAuthorizationHandler.Allows(User, ArticleOperations.Delete, Stored);
        MayChooseAuthors = ArticleAuthorizationHandler.Allows(User, ArticleOperations.ChooseAuthors, probe);
        if (Stored is not null && Conflict is null)
        {
            var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Stored.Id)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (latest is { Kind: RevisionKind.Autosave } && latest.UserId == StaffId()
                && (latest.BodySource != Stored.BodySource || latest.Headline != Stored.Headline || latest.Dek != Stored.Dek))
            {
                PendingAutosave = latest;
            }
        }
    }

    private string? StaffId() => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    private async Task<Article?> LoadStoredAsync(int id, CancellationToken ct) =>
        Stored = await db.Articles.AsNoTracking().WithShownParts().FirstOrDefaultAsync(a => a.Id == id, ct);

    private List<string> ModelStateProblems() =>
        ModelState.Values.SelectMany(v => v.Errors).Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "A value could not be read." : e.ErrorMessage).ToList();
}