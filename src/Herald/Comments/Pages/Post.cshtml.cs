using Herald.Articles;
using Herald.Articles.Protection;
using Herald.Hosting.Telemetry;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Comments.Pages;

/// <summary>
/// Receives the "Leave a Reply" form. Forgery is checked by <see cref="OriginCheck"/> instead of
/// the framework's token, which a cached page cannot carry. A problem sends the form back with
/// everything typed still in it; this response is the visitor's own and never cached.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CommentServices.PostingPolicy)]
// No lower request-size limit here: a post over RequestBytes is read up to ReadBytes and the rest left
// unread (OversizedCommentForm), so the reader gets the form back with what fits instead of a bare 413.
[RequestFormLimits(ValueLengthLimit = CommentLimits.RequestBytes, ValueCountLimit = 32, KeyLengthLimit = 64)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PostModel(
    CommentSubmission submission, CommentKeys keys, VisitorCookies cookies, SiteState site, ArticleQueries articles,
    PostPasswords passwords, IOptions<CommentOptions> settings, TimeProvider clock, ILogger<PostModel> log) : PageModel
{
    private OversizedCommentForm.Overflow? overflow;

    [BindProperty]
    public CommentForm Form { get; set; } = new();

    public CommentFormView View { get; private set; } = null!;
    public Article? Article { get; private set; }
    public string? ArticleUrl { get; private set; }

    public IActionResult OnGet() => Redirect("/");

    /// <summary>Runs before the form is bound: an oversized post is read here, so binding sees what fits of it.</summary>
    public override async Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        if (OversizedCommentForm.Applies(Request))
        {
            overflow = await OversizedCommentForm.ReadAsync(HttpContext, settings.Value.MaxBodyLength, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ring = await keys.GetAsync(ct);
        var now = clock.GetUtcNow();
        var tokenIsValid = FormStamps.TokenIsValid(ring, Form.Token, VisitorCookies.ReadKey(HttpContext), now, settings.Value.MaximumFormAge);
        var origin = OriginCheck.Evaluate(Request, tokenIsValid);
        if (origin != OriginCheck.Result.SameOrigin)
        {
            log.LogInformation("Comment post refused: {Origin}", origin);
            HeraldMetrics.CommentPosted(null);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (overflow is { } cut)
        {
            return await TooLongAsync(cut, ring, now, ct);
        }
        var poster = new Poster(HttpContext.Connection.RemoteIpAddress?.ToString(), VisitorCookies.EnsureKey(HttpContext));
        var outcome = await submission.SubmitAsync(Form, poster, ct, article => passwords.MayRead(HttpContext, article));
        HeraldMetrics.CommentPosted(outcome.Comment?.Status);
        Article = outcome.Article;
        if (outcome.Comment is not { } comment)
        {
            var zone = (await site.GetAsync(ct)).Settings.TimeZone;
            ArticleUrl = Article is { PublishedAt: { } published } ? ArticleUrls.For(published, Article.Slug, zone) : null;
            View = new CommentFormView(Form.ArticleId, Form, outcome.Problems, FormStamps.IssueStamp(ring, now),
                settings.Value.MaxBodyLength, null);
            Response.StatusCode = outcome.Problems.StatusCode;
            return Page();
        }

        if (Form.Remember)
        {
            cookies.Remember(HttpContext, new RememberedCommenter(comment.AuthorName, comment.AuthorEmail, comment.AuthorUrl));
        }
        else
        {
            VisitorCookies.Forget(HttpContext);
        }
        if (comment.Status == ModerationStatus.Approved)
        {
            var zone = (await site.GetAsync(ct)).Settings.TimeZone;
            return SeeOther($"{ArticleUrls.For(outcome.Article!.PublishedAt!.Value, outcome.Article.Slug, zone)}#comment-{comment.Id}");
        }
        return SeeOther($"/comments/{comment.Id}/awaiting");
    }

    /// <summary>413 with the form: what fits of the comment in the box, the other fields as sent, and why.</summary>
    private async Task<IActionResult> TooLongAsync(OversizedCommentForm.Overflow cut, KeyRing ring, DateTimeOffset now, CancellationToken ct)
    {
        var max = settings.Value.MaxBodyLength;
        var length = cut.ReadAll ? $"{cut.BodyLength:N0}" : $"more than {cut.BodyLength:N0}";
        var problems = new FormProblems().Add(CommentFields.Body,
            $"A comment has at most {max:N0} characters; this one has {length}. The first {max:N0} are kept below: shorten it and post again.",
            StatusCodes.Status413PayloadTooLarge);
        Article = await articles.PublishedOfAnyKind().AsNoTracking().FirstOrDefaultAsync(a => a.Id == Form.ArticleId, ct);
        if (Article is { PublishedAt: { } published })
        {
            ArticleUrl = ArticleUrls.For(published, Article.Slug, (await site.GetAsync(ct)).Settings.TimeZone);
        }
        View = new CommentFormView(Form.ArticleId, Form, problems, FormStamps.IssueStamp(ring, now), max, null);
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        log.LogInformation("Comment post of {Bytes} bytes refused as too large", Request.ContentLength);
        return Page();
    }

    /// <summary>303: the browser follows with GET, and reloading the next page does not post again.</summary>
    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}