using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Herald.Accounts;

/// <summary>
/// A browser that has signed in to an account keeps a cookie saying so (encrypted, HttpOnly,
/// SameSite=Strict, sent to the sign-in page only). With it, failures there are counted for
/// that browser alone, so an attacker's failures elsewhere never keep the owner out.
/// </summary>
public sealed class LoginDevices(IDataProtectionProvider protection)
{
    public const string Cookie = "herald.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private readonly IDataProtector protector = protection.CreateProtector("Herald.Accounts.LoginDevice");

    /// <summary>The browser's id when its cookie is for this account; otherwise null.</summary>
    public string? Trusted(HttpContext context, string accountKey)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 and < 1024 } value)
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(value).Split(' ');
            return parts is [var account, var device] && account == accountKey ? device : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Marks the browser as one that signed in to the account; returns its id.</summary>
    public string Remember(HttpContext context, string accountKey)
    {
        var device = Trusted(context, accountKey) ?? RandomNumberGenerator.GetHexString(32, lowercase: true);
        context.Response.Cookies.Append(Cookie, protector.Protect($"{accountKey} {device}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/newsroom/login",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return device;
    }
}