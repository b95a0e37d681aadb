using System.Security.Cryptography;
using System.Text.Json;
using Herald.Hosting.ReverseProxy;
using Microsoft.AspNetCore.DataProtection;

namespace Herald.Comments;

/// <summary>
/// The two cookies a commenter's browser keeps, both HttpOnly and SameSite=Strict: a random
/// key that lets them alone see their held comments and binds their form token, and, only if
/// they ticked the consent box, their name, e-mail and website, encrypted.
/// </summary>
public sealed class VisitorCookies(IDataProtectionProvider protection)
{
    public const string KeyCookie = "herald.commenter";
    public const string RememberCookie = "herald.remember";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private readonly IDataProtector protector = protection.CreateProtector("Herald.Comments.Remember");

    /// <summary>The visitor's key from their cookie, if it has the expected shape.</summary>
    public static string? ReadKey(HttpContext context) =>
        context.Request.Cookies[KeyCookie] is { Length: 43 } key && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? key
            : null;

    public static string EnsureKey(HttpContext context)
    {
        if (ReadKey(context) is { } existing)
        {
            return existing;
        }
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        context.Response.Cookies.Append(KeyCookie, key, Options(context));
        return key;
    }

    public void Remember(HttpContext context, RememberedCommenter commenter) =>
        context.Response.Cookies.Append(RememberCookie, protector.Protect(JsonSerializer.Serialize(commenter)), Options(context));

    public static void Forget(HttpContext context)
    {
        if (context.Request.Cookies.ContainsKey(RememberCookie))
        {
            context.Response.Cookies.Delete(RememberCookie, Options(context));
        }
    }

    public RememberedCommenter? Recall(HttpContext context)
    {
        if (context.Request.Cookies[RememberCookie] is not { Length: > 0 and < 4096 } value)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<RememberedCommenter>(protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.PublicSchemeIsHttps(),
        IsEssential = true,
        Path = "/",
        MaxAge = Lifetime,
    };
}

public sealed record RememberedCommenter(string Name, string Email, string? Website);