using Herald.Hosting;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Articles.Pages;

/// <summary>Everything published in one calendar month of the site's time zone.</summary>
[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class MonthModel(ArticleQueries articles, SiteState site) : PageModel
{
    public int Year { get; private set; }
    public int Month { get; private set; }
    public PagedList<ArticleSummary> List { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(int year, int month, [FromQuery(Name = "page")] string? pageParameter, CancellationToken ct)
    {
        if (!PageNumber.TryParse(pageParameter, out var page))
        {
            return BadRequest();
        }
        if (year is < 1900 or > 9000)
        {
            return NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        (Year, Month) = (year, month);

        var startLocal = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var from = TimeZoneInfo.ConvertTimeToUtc(startLocal, Zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(startLocal.AddMonths(1), Zone);
        List = await articles.ListAsync(articles.Published().Where(a => a.PublishedAt >= from && a.PublishedAt < to),
            page, snapshot.Settings.PostsPerPage, ct);
        if (List.TotalCount == 0 || page > List.PageCount)
        {
            return NotFound();
        }
        HttpContext.TagResponse(CacheTags.Month(year, month));
        return Page();
    }
}