using Herald.Articles.Protection;
using Herald.Hosting;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Herald.Articles.Pages;

[OutputCache(PolicyName = Caching.PublicPage)]
public sealed class ArticleModel(ArticleQueries articles, SiteState site, PostPasswords passwords) : PageModel
{
    /// <summary>The story has a password this reader has not given: headline, byline and the password form only.</summary>
    public bool Locked { get; private set; }

    public Article Article { get; private set; } = null!;
    public ArticleSummary? Previous { get; private set; }
    public ArticleSummary? Next { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string CanonicalPath { get; private set; } = "";
    public SiteSettings Site { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, int month, string slug, CancellationToken ct)
    {
        if (slug.Length > 200)
        {
            return NotFound();
        }
        var snapshot = await site.GetAsync(ct);
        Zone = snapshot.Settings.TimeZone;
        Site = snapshot.Settings;

        var found = await articles.FindPublishedBySlugAsync(slug, ct);
        if (found is null)
        {
            // An article that was renamed keeps answering at its old address.
            if (await articles.FindMovedAsync(slug, ct) is { } moved)
            {
                return RedirectPermanent(ArticleUrls.For(moved.PublishedAt, moved.Slug, Zone));
            }
            // A standing page lives at /{slug}, whatever date an old link put in front of it.
            if (await articles.PublishedPages().AnyAsync(a => a.Slug == slug, ct))
            {
                return RedirectPermanent(ArticleUrls.Page(slug));
            }
            // Taken down into the newsroom's trash: gone for now, which search engines read as "drop it".
            return await articles.WasRemovedAsync(slug, ct) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
        }
        Article = found;
        CanonicalPath = ArticleUrls.For(found.PublishedAt!.Value, found.Slug, Zone);
        if (CanonicalPath != $"{ArticleUrls.Month(year, month)}/{Uri.EscapeDataString(slug)}")
        {
            // Right slug, wrong year or month in the address: send readers to the one true URL.
            return RedirectPermanent(CanonicalPath);
        }
        if (PostPasswords.IsProtected(found))
        {
            Locked = !passwords.MayRead(HttpContext, found);
            if (!Locked)
            {
                // This reader's key opened it: the words must reach no one else through a cache.
                PostPasswords.KeepPrivate(HttpContext);
            }
        }
        (Previous, Next) = await articles.NeighboursAsync(found, ct);
        HttpContext.TagResponse(CacheTags.Article(found.Id));
        return Page();
    }
}