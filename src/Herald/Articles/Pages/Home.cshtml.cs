using Herald.Hosting;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Articles.Pages;

[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class HomeModel(ArticleQueries articles, SiteState site) : PageModel
{
    private const int PerSection = 4;

    public PagedList<ArticleSummary> Latest { get; private set; } = null!;
    public IReadOnlyList<HomeSection> Sections { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageParameter, CancellationToken ct)
    {
        if (!PageNumber.TryParse(pageParameter, out var page))
        {
            return BadRequest();
        }
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        Latest = await articles.HomeListAsync(page, snapshot.Settings.PostsPerPage, ct);
        if (page > Latest.PageCount)
        {
            return NotFound();
        }
        if (page == 1)
        {
            Sections = await articles.SectionsAsync(snapshot.Sections, PerSection, Latest.Items, ct);
        }
        HttpContext.TagResponse(CacheTags.Home);
        return Page();
    }
}