using Herald.Articles;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Redirects;

/// <summary>
/// Keeps a WordPress site's old addresses working after import: a request that names a post by
/// number (?p=, ?page_id=), that ends in WordPress's final slash, or that Herald would answer 404
/// is looked up among the <see cref="LegacyRedirect"/> rows and, when found, answered 301 with the
/// article's URL as it is now. Ordinary page views never reach the database here, and neither
/// does an address no redirect has (<see cref="LegacyRedirectIndex"/>): scanners asking for
/// thousands of made-up paths cost the 404 page alone.
/// </summary>
public sealed class LegacyRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IServiceProvider services)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }
        if (LegacyPaths.ArticleQuery(request.QueryString.Value) is { } byId && (request.Path.Value ?? "/") == "/")
        {
            if (await TargetAsync(services, byId, context.RequestAborted) is { } target)
            {
                context.Response.Redirect(target, permanent: true);
                return;
            }
        }
        // An old permalink keeps its final slash; looked up first, it reaches its article in one
        // hop rather than through Herald's slash rule and then a 404.
        if (ArticleUrls.WithoutTrailingSlash(request.Path.Value ?? "/") is not null
            && LegacyPaths.Normalize(request.Path.Value!, null) is { } slashed
            && await TargetAsync(services, slashed, context.RequestAborted) is { } slashedTarget)
        {
            context.Response.Redirect(slashedTarget, permanent: true);
            return;
        }
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted
            && LegacyPaths.Normalize(request.Path.Value ?? "/", null) is { } path
            && await TargetAsync(services, path, context.RequestAborted) is { } found)
        {
            context.Response.Clear();
            context.Response.Redirect(found, permanent: true);
        }
    }

    private static async Task<string?> TargetAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        if (!services.GetRequiredService<LegacyRedirectIndex>().MayHave(path))
        {
            return null;
        }
        var db = services.GetRequiredService<HeraldDbContext>();
        var redirect = await db.LegacyRedirects.AsNoTracking()
            .Where(r => r.Path == path)
            .Select(r => new { r.TargetPath, r.ArticleId })
            .FirstOrDefaultAsync(ct);
        if (redirect is null)
        {
            return null;
        }
        if (redirect.TargetPath is { } fixedPath)
        {
            return fixedPath;
        }
        var article = await services.GetRequiredService<ArticleQueries>().PublishedOfAnyKind()
            .Where(a => a.Id == redirect.ArticleId)
            .Select(a => new { a.Kind, a.Slug, a.PublishedAt })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var zone = (await services.GetRequiredService<SiteState>().GetAsync(ct)).Settings.TimeZone;
        return ArticleUrls.For(article.Kind, article.PublishedAt!.Value, article.Slug, zone);
    }
}