using Herald.Articles;
using Herald.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Discovery.Related;

/// <summary>The "Related Articles" block under an article; the article page only names the place.</summary>
public sealed class RelatedArticlesViewComponent(RelatedArticlesService related) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId, Category? section, TimeZoneInfo zone)
    {
        var block = await related.ForPageAsync(articleId, section, HttpContext.RequestAborted);
        if (block.Latest.Count > 0)
        {
            // The newest stories change with every publication in the section, or on the site.
            HttpContext.TagResponse(block.LatestSection is { } latestSection ? CacheTags.Category(latestSection.Slug) : CacheTags.Home);
        }
        return View("/Discovery/Related/RelatedArticles.cshtml", (block, zone));
    }
}