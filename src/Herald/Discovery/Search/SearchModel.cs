using System.Globalization;
using Herald.Articles;
using Herald.Hosting;
using Herald.Site;
using Herald.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Discovery.Search;

/// <summary>/search?q=: results with snippets, filters by section, author and dates, and pages.</summary>
[OutputCache(PolicyName = Caching.SearchPage)]
public sealed class SearchModel(ISearchIndex index, SiteState site, HeraldDbContext db) : PageModel
{
    private const int PageSize = 10;

    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "author")] public string? Author { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "page")] public string? PageParameter { get; set; }

    public List<string> Problems { get; } = [];
    public string? Notice { get; private set; }
    public SearchResults? Results { get; private set; }
    public IReadOnlyList<SectionLink> Sections { get; private set; } = [];
    public IReadOnlyList<BylineName> Authors { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        Sections = snapshot.Sections;
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new BylineName(a.Name, a.Slug)).ToListAsync(ct);

        if (Text is { Length: > SearchQuery.MaxLength })
        {
            Text = Text[..SearchQuery.MaxLength];
            Notice = $"Your search was longer than {SearchQuery.MaxLength} characters; only the first {SearchQuery.MaxLength} were used.";
        }
        if (!PageNumber.TryParse(PageParameter, out var page))
        {
            Problems.Add($"The page number must be a whole number from 1 to {PageNumber.Max:N0}.");
        }
        var from = ReadDate(From, "from");
        var to = ReadDate(To, "to");
        CheckSlug(Category, "section");
        CheckSlug(Author, "author");
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = SearchQuery.Parse(Text);
        if (query.IsEmpty && !string.IsNullOrWhiteSpace(Text))
        {
            // Only punctuation or symbols: nothing to look for, which the page says plainly.
            Results = new SearchResults(new PagedList<SearchHit>([], 1, PageSize, 0));
        }
        else if (!query.IsEmpty)
        {
            var request = new SearchRequest(query, page, PageSize, Blank(Category), Blank(Author), from, to?.AddDays(1));
            Results = await index.SearchAsync(request, ct);
            if (page > 1 && page > Results.Hits.PageCount)
            {
                return NotFound();
            }
        }
        return Page();
    }

    /// <summary>The link to another page of the same results, keeping every filter.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(p => p.Key != "page").ToDictionary(p => p.Key, p => p.Value);
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    private DateTime? ReadDate(string? raw, string name)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (raw.Length > 10 || !DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < 1900)
        {
            Problems.Add($"The “{name}” date must be written as YYYY-MM-DD, for example 2026-10-31.");
            return null;
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    }

    private void CheckSlug(string? slug, string what)
    {
        if (slug is { Length: > 200 })
        {
            Problems.Add($"The {what} filter is too long (at most 200 characters).");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}