using Herald.Articles;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Comments;

/// <summary>
/// The conversation under an article: approved comments, threaded, then the reply form.
/// It is part of the cached article page, so it holds nothing that belongs to one visitor.
/// </summary>
public sealed class CommentSectionViewComponent(
    CommentQueries comments, CommentKeys keys, SiteState site, IOptions<CommentOptions> settings, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Article article)
    {
        var ct = HttpContext.RequestAborted;
        var options = settings.Value;
        var approved = await comments.ApprovedAsync(article.Id, ct);
        var now = clock.GetUtcNow();
        var open = CommentPublishing.AreOpen(article, options, now.UtcDateTime);
        var form = open
            ? new CommentFormView(article.Id, new CommentForm { ArticleId = article.Id }, null,
                FormStamps.IssueStamp(await keys.GetAsync(ct), now), options.MaxBodyLength, null)
            : null;
        var zone = (await site.GetAsync(ct)).Settings.TimeZone;
        return View("/Comments/Pages/_CommentSection.cshtml",
            new CommentSectionView(article.Id, approved.Count, CommentThreads.Build(approved), form, zone, options.MaxDepth));
    }
}

public sealed record CommentSectionView(
    int ArticleId, int Count, IReadOnlyList<CommentNode> Thread, CommentFormView? Form, TimeZoneInfo Zone, int MaxDepth);

/// <summary>The reply form: empty on the cached page, or filled with what was sent and what is wrong with it.</summary>
public sealed record CommentFormView(
    int ArticleId, CommentForm Values, FormProblems? Problems, string Stamp, int MaxBodyLength, PublicComment? ReplyingTo)
{
    public string? Problem(string field) => Problems?.For(field);
}