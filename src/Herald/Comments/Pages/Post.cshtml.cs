using Herald.Articles;
using Herald.Hosting.Telemetry;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Herald.Comments.Pages;

/// <summary>
/// Receives the "Leave a Reply" form. Forgery is checked by <see cref="OriginCheck"/> instead of
/// the framework's token, which a cached page cannot carry. A problem sends the form back with
/// everything typed still in it; this response is the visitor's own and never cached.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CommentServices.PostingPolicy)]
[RequestSizeLimit(CommentLimits.RequestBytes)]
[RequestFormLimits(ValueLengthLimit = CommentLimits.RequestBytes, ValueCountLimit = 32, KeyLengthLimit = 64)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PostModel(
    CommentSubmission submission, CommentKeys keys, VisitorCookies cookies, SiteState site,
    IOptions<CommentOptions> settings, TimeProvider clock, ILogger<PostModel> log) : PageModel
{
    [BindProperty]
    public CommentForm Form { get; set; } = new();

    public CommentFormView View { get; private set; } = null!;
    public Article? Article { get; private set; }
    public string? ArticleUrl { get; private set; }

    public IActionResult OnGet() => Redirect("/");

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

        var poster = new Poster(HttpContext.Connection.RemoteIpAddress?.ToString(), VisitorCookies.EnsureKey(HttpContext));
        var outcome = await submission.SubmitAsync(Form, poster, ct);
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

    /// <summary>303: the browser follows with GET, and reloading the next page does not post again.</summary>
    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}