using Herald.Articles;

namespace Herald.Hosting;

/// <summary>
/// Answers a GET or HEAD for an address with a final slash Herald does not write with 301 to
/// the address it does write (<see cref="ArticleUrls.WithoutTrailingSlash"/>), so each page has
/// one address for readers, caches and search engines. Other methods pass: a redirect would
/// turn a POST into a GET.
/// </summary>
public sealed class TrailingSlashRedirect(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && ArticleUrls.WithoutTrailingSlash(request.Path.Value ?? "") is { } canonical)
        {
            context.Response.Redirect(new PathString(canonical).ToUriComponent() + request.QueryString.ToUriComponent(), permanent: true);
            return Task.CompletedTask;
        }
        return next(context);
    }
}