using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Herald.Articles.Protection;

/// <summary>
/// Stories with a reader password (WordPress's post passwords). A reader who gives the right one
/// gets a cookie of their own for that story: protected by Data Protection, so it cannot be made
/// by hand, and bound to the story and to a fingerprint of its current password, so a new password
/// locks everyone out again. Until then only the headline and byline are shown anywhere.
/// </summary>
public sealed class PostPasswords(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Every unlock cookie's name starts so; the output cache steps aside when it sees one.</summary>
    public const string CookiePrefix = "herald-pass-";

    /// <summary>What lists, feeds and the API say instead of an excerpt.</summary>
    public const string NoExcerpt = "There is no excerpt because this story is protected by a password.";

    /// <summary>As long as WordPress keeps its own cookie: a reader is not asked again for ten days.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(10);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Herald.Articles.PostPasswords").ToTimeLimitedDataProtector();

    public static bool IsProtected(Article article) => !string.IsNullOrEmpty(article.Password);

    public static string CookieName(int articleId) => CookiePrefix + articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the typed password is the story's, compared in fixed time.</summary>
    public static bool Matches(Article article, string? typed) =>
        IsProtected(article) && typed is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(typed), Encoding.UTF8.GetBytes(article.Password!));

    /// <summary>Whether this request may read the story: it has no password, or the reader gave the current one.</summary>
    public bool MayRead(HttpContext context, Article article)
    {
        if (!IsProtected(article))
        {
            return true;
        }
        if (!context.Request.Cookies.TryGetValue(CookieName(article.Id), out var cookie) || cookie.Length > 4096)
        {
            return false;
        }
        try
        {
            var kept = protector.Unprotect(cookie);
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(kept), Encoding.UTF8.GetBytes(Ticket(article)));
        }
        catch (CryptographicException)
        {
            return false; // Made by hand, expired, or from a key ring long gone.
        }
    }

    /// <summary>Gives the reader the cookie that opens this story (with its current password) for <see cref="Lifetime"/>.</summary>
    public void Unlock(HttpContext context, Article article)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(CookieName(article.Id), protector.Protect(Ticket(article), expires), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary>Marks a response that shows a protected story's words as the reader's own: no shared cache keeps it.</summary>
    public static void KeepPrivate(HttpContext context)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        if (context.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.AllowCacheStorage = false;
        }
    }

    /// <summary>The story and a fingerprint of its password (never the password itself, even encrypted).</summary>
    private static string Ticket(Article article) =>
        $"{article.Id}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"herald-post-password:{article.Id}:{article.Password}")))}";
}