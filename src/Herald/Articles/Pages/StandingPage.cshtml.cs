using Herald.Hosting;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Articles.Pages;

/// <summary>
/// A standing page (About, Contact, an imported WordPress page) at /{slug}. Every literal route
/// (/search, /feed, /newsroom, /sitemap.xml) is more specific and wins; this answers only what
/// nothing else claims, and 404 for any slug that is not a published page.
/// </summary>
[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class StandingPageModel(ArticleQueries articles, SiteState site) : PageModel
{
    public Article Article { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public SiteSettings Site { get; private set; } = new();
    public string CanonicalPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(slug))
        {
            return NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        Site = snapshot.Settings;
        var found = await articles.FindPublishedPageAsync(slug, ct);
        if (found is null)
        {
            return await articles.WasRemovedAsync(slug, ct) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
        }
        Article = found;
        CanonicalPath = ArticleUrls.Page(found.Slug);
        HttpContext.TagResponse(CacheTags.Article(found.Id));
        return Page();
    }
}