using Herald.Articles;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Comments.Pages;

/// <summary>
/// The reply form for one comment, for browsers without script (script moves the form on the
/// article page instead). It shows nothing personal, so it may be cached like any public page.
/// </summary>
public sealed class ReplyModel(
    CommentQueries comments, ArticleQueries articles, CommentKeys keys, SiteState site,
    IOptions<CommentOptions> settings, TimeProvider clock) : PageModel
{
    public PublicComment Parent { get; private set; } = null!;
    public string ArticleHeadline { get; private set; } = "";
    public string ArticleUrl { get; private set; } = "";
    public CommentFormView Form { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var options = settings.Value;
        var now = clock.GetUtcNow();
        if (await comments.ApprovedByIdAsync(id, ct) is not { } parent || parent.Depth + 1 >= options.MaxDepth)
        {
            return NotFound();
        }
        var article = await articles.Published().FirstOrDefaultAsync(a => a.Id == parent.Comment.ArticleId, ct);
        if (article is null || !CommentPublishing.AreOpen(article, options, now.UtcDateTime))
        {
            return NotFound();
        }
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        Parent = parent.Comment;
        ArticleHeadline = article.Headline;
        ArticleUrl = ArticleUrls.For(article.PublishedAt!.Value, article.Slug, Zone);
        Form = new CommentFormView(article.Id, new CommentForm { ArticleId = article.Id, ParentId = id }, null,
            FormStamps.IssueStamp(await keys.GetAsync(ct), now), options.MaxBodyLength, parent.Comment);
        return Page();
    }
}