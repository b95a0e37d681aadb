using Herald.Articles;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Discovery.Related;

/// <summary>The "Related Articles" block under an article; the article page only names the place.</summary>
public sealed class RelatedArticlesViewComponent(RelatedArticlesService related) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId, TimeZoneInfo zone)
    {
        var list = await related.ForArticleAsync(articleId, HttpContext.RequestAborted);
        return View("/Discovery/Related/RelatedArticles.cshtml", (list, zone));
    }
}