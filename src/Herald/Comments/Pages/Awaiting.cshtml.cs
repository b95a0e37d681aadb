using Herald.Articles;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments.Pages;

/// <summary>
/// Where a held comment's author lands: their comment, marked "awaiting moderation". Found
/// through their own cookie, so nobody else sees it; never cached.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AwaitingModel(CommentQueries comments, CommentKeys keys, ArticleQueries articles, SiteState site) : PageModel
{
    public PublicComment Comment { get; private set; } = null!;
    public string ArticleHeadline { get; private set; } = "";
    public string ArticleUrl { get; private set; } = "";
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (VisitorCookies.ReadKey(HttpContext) is not { } visitorKey)
        {
            return NotFound();
        }
        var ring = await keys.GetAsync(ct);
        if (await comments.HeldForOwnerAsync(id, ring.OwnerHash(visitorKey), ct) is not { } comment)
        {
            return NotFound();
        }
        var article = await articles.Published().Where(a => a.Id == comment.ArticleId)
            .Select(a => new { a.Headline, a.Slug, PublishedAt = a.PublishedAt!.Value }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        Comment = comment;
        ArticleHeadline = article.Headline;
        ArticleUrl = ArticleUrls.For(article.PublishedAt, article.Slug, Zone);
        return Page();
    }
}