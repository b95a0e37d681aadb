using Herald.Articles;
using Herald.Newsroom.Confirm;
using Herald.Newsroom.Publishing;
using Herald.Newsroom.Revisions;
using Herald.Newsroom.Trash;
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
public sealed class EditModel(HeraldDbContext db, ArticlePublisher publisher, Autosaver autosaver, ArticleTrash trash, SiteState site, ArticleBody articleBody, TimeProvider clock)
    : PageModel
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

    /// <summary>An older revision waiting beside the live story to be published or discarded.</summary>
    public ArticleRevision? PendingDraft { get; private set; }
    public bool MayPublish { get; private set; }
    public bool MayDelete { get; private set; }
    public bool MayChooseAuthors { get; private set; }

    /// <summary>Editors decide what leads the home page.</summary>
    public bool MayMakeSticky => ArticleAuthorizationHandler.IsEditor(User);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Words and reading time of the body in the form, shown before any script runs.</summary>
    public BodyLength Length { get; private set; } = new(0);

    /// <summary>The body as the public page would show it (sanitized), so the preview is there before any script runs.</summary>
    public string PreviewHtml { get; private set; } = "";

    /// <summary>The story as a search result and a shared card would show it.</summary>
    public SearchSnippet Snippet { get; private set; } = new("", "");

    public string SiteTitle { get; private set; } = "";

    public BodyFormat BodyFormat => Stored?.BodyFormat ?? BodyFormat.Markdown;

    /// <summary>A step that takes the story off the site, waiting for the person to confirm it.</summary>
    public Confirmation? Confirmation { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>
    /// The version the person's last button press stored, on the page that follows it: the editor
    /// script drops its kept copy of the text when it matches, whatever the server made of the words.
    /// </summary>
    [TempData]
    public string? SavedVersion { get; set; }

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
            if (article.Status == ArticleStatus.Trashed)
            {
                Notice = $"\"{article.Headline}\" is in the trash. Restore it to edit it.";
                return Redirect("/newsroom/trash");
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

    public async Task<IActionResult> OnPostAsync(int? id, string? action, string? confirm, CancellationToken ct)
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
        var outcome = await publisher.SaveAsync(User, Form, step, ct, confirmed: Confirmation.Given(confirm, UnpublishConfirmation));
        switch (outcome)
        {
            case PublishOutcome.Done done:
                var zone = (await site.GetAsync(ct)).Settings.TimeZone;
                var at = TimeZoneInfo.ConvertTimeFromUtc(done.Article.EditedAt ?? clock.GetUtcNow().UtcDateTime, zone)
                    .ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                var what = Workflow.Describe(step, done.Article, zone);
                Notice = step == EditorAction.Schedule ? $"{what}. Saved at {at}." : $"{what} at {at}.";
                SavedVersion = done.Article.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Redirect($"/newsroom/articles/edit/{done.Article.Id}");
            case PublishOutcome.NeedsConfirmation asked:
                Confirmation = new Confirmation(
                    $"Unpublish \"{asked.Article.Headline}\"?",
                    "It will leave the site at once: its address will answer \"not found\" and it drops out of the home page, feeds, search and sitemaps. Your words are kept, and you can publish it again.",
                    "Yes, unpublish it", EditPath, UnpublishConfirmation)
                {
                    Form = EditorFormId,
                    ButtonField = ("action", "unpublish"),
                };
                return await ShowAsync(StatusCodes.Status200OK, [], ct);
            case PublishOutcome.Conflict conflict:
                db.ChangeTracker.Clear();
                var theirRevision = await db.ArticleRevisions.AsNoTracking()
                    .Where(r => r.ArticleId == conflict.Current.Id && r.Kind != RevisionKind.Autosave)
                    .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
                Conflict = await MergeAsync(conflict.Current, theirRevision, ct);
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

    /// <summary>Moves the story to the trash; a published or scheduled one only once the person confirmed it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, string? confirm, CancellationToken ct)
    {
        switch (await trash.MoveToTrashAsync(User, id, Confirmation.Given(confirm, TrashConfirmation), ct))
        {
            case PublishOutcome.Done done:
                TempData[nameof(Notice)] = $"Moved \"{done.Article.Headline}\" to the trash. You can restore it from the Trash page.";
                return Redirect("/newsroom/articles");
            case PublishOutcome.NeedsConfirmation asked:
                var article = asked.Article;
                Form = ArticleForm.From(article);
                Confirmation = new Confirmation(
                    $"Move \"{article.Headline}\" to the trash?",
                    article.Status == ArticleStatus.Published
                        ? "It is published: it will leave the site at once, and its address will answer that the story was removed. It stays in the trash, with its revisions and comments, until it is restored or deleted for good."
                        : "It is scheduled: it will not be published. It stays in the trash, with its revisions and comments, until it is restored or deleted for good.",
                    "Yes, move it to the trash", EditPath, TrashConfirmation)
                {
                    Action = $"/newsroom/articles/edit/{id}?handler=delete",
                };
                return await ShowAsync(StatusCodes.Status200OK, [], ct);
            case PublishOutcome.Rejected rejected:
                TempData[nameof(Notice)] = string.Join(" ", rejected.Problems);
                return Redirect(EditPathOf(id));
            case PublishOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public const string EditorFormId = "editor-form";
    public const string TrashConfirmation = "trash";
    public const string UnpublishConfirmation = "unpublish";

    private static string EditPathOf(int id) => $"/newsroom/articles/edit/{id}";

    /// <summary>
    /// Both versions side by side and, when the version this editor opened is known and the two
    /// sets of changes touch different parts, both joined into the editor to review and save.
    /// </summary>
    private async Task<ConflictView> MergeAsync(Article theirs, ArticleRevision? theirRevision, CancellationToken ct)
    {
        var view = ConflictView.Between(theirs, theirRevision, Form);
        var opened = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == theirs.Id && r.ArticleVersion <= Form.Version && r.Kind != RevisionKind.Pending)
            .OrderByDescending(r => r.ArticleVersion).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (opened is null)
        {
            return view;
        }
        var merged = StoryMerge.Of(new StoryText(opened.Headline, opened.Dek, opened.BodySource),
            new StoryText(theirs.Headline, theirs.Dek, theirs.BodySource), new StoryText(Form.Headline ?? "", Form.Dek, Form.Body ?? ""));
        if (merged is not null)
        {
            (Form.Headline, Form.Dek, Form.Body) = (merged.Headline, merged.Dek, merged.Body);
            foreach (var field in new[] { "Form.Headline", "Form.Dek", "Form.Body" })
            {
                ModelState.Remove(field); // else the form would echo the posted text, not the joined one
            }
        }
        return view with { Merged = merged, MergeTried = true };
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
        var settings = (await site.GetAsync(ct)).Settings;
        (Zone, SiteTitle) = (settings.TimeZone, settings.Title);
        Choices = await EditorChoices.LoadAsync(db, Form.FeaturedMediaId, ct);
        var rendered = articleBody.Render(Form.Body ?? "", BodyFormat);
        (Length, PreviewHtml) = (BodyLength.Of(rendered), rendered.Html);
        Snippet = SearchSnippet.For(Form, settings.Title, rendered.PlainText);
        var probe = Stored ?? new Article { Slug = "", Headline = "", CreatedByUserId = StaffId() };
        MayPublish = ArticleAuthorizationHandler.Allows(User, ArticleOperations.Publish, probe);
        MayDelete = Stored is not null && ArticleAuthorizationHandler.Allows(User, ArticleOperations.Delete, Stored);
        MayChooseAuthors = ArticleAuthorizationHandler.Allows(User, ArticleOperations.ChooseAuthors, probe);
        if (Stored is not null)
        {
            PendingDraft = await db.ArticleRevisions.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ArticleId == Stored.Id && r.Kind == RevisionKind.Pending, ct);
        }
        if (Stored is not null && Conflict is null)
        {
            var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Stored.Id && r.Kind != RevisionKind.Pending)
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