using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Articles.Protection;

/// <summary>
/// Keeps the output cache away from a request that may unlock a protected story: a story page (or
/// its comment feed) asked for with an unlock cookie, or an API request carrying ?password=. Such a
/// request is neither answered from the cache (the cached page is the locked one) nor stored in it
/// (its answer is one reader's). Every other request, cookie or not, is cached as before.
/// </summary>
public sealed class UnlockedReaderPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (request.Query.ContainsKey("password") || (IsStoryPath(request.Path) && HasUnlockCookie(request)))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    private static bool HasUnlockCookie(HttpRequest request) =>
        request.Cookies.Keys.Any(name => name.StartsWith(PostPasswords.CookiePrefix, StringComparison.Ordinal));

    /// <summary>/{yyyy}/{MM}/{slug} and what lies under it; a protected story lives nowhere else.</summary>
    private static bool IsStoryPath(PathString path)
    {
        var value = path.Value ?? "";
        return value.Length > 9 && value[0] == '/' && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[4]) && value[5] == '/';
    }
}