using System.Security.Claims;
using Herald.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Accounts;

/// <summary>
/// Every request with a session cookie compares the cookie's security stamp with the account's,
/// in one small query: disabling an account, resetting its password or its two-factor sign-in
/// changes the stamp, and its cookies stop working at once rather than at Identity's next
/// periodic check. A disabled account's cookie is refused even if its stamp still matches.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> identityCheck)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var db = services.GetRequiredService<HeraldDbContext>();
        var account = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (account is null || account.SecurityStamp != stamp || account.LockoutEnd is { } end && end > now)
        {
            context.RejectPrincipal();
            await context.HttpContext.RequestServices.GetRequiredService<SignInManager<HeraldUser>>().SignOutAsync();
            return;
        }
        await identityCheck(context);
    }
}