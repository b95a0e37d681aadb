using System.Net;
using System.Security.Claims;
using System.Text;
using Herald.Accounts;
using Herald.Accounts.ApplicationPasswords;
using Herald.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace Herald.WordPress.RestApi;

/// <summary>
/// Who is writing through the WordPress API: HTTP Basic with a staff member's e-mail address (or
/// user name) and one of their application passwords, as WordPress's own clients send it. Only on
/// the API's write routes, never the account's own password, and only over HTTPS or from this
/// machine (WordPress refuses application passwords over plain HTTP unless the site is local):
/// a password sent in clear over a network is a password given away. Failures are throttled
/// like newsroom sign-ins (<see cref="LoginThrottle"/>), on a count of their own.
/// </summary>
public sealed class WpAuthentication(
    UserManager<HeraldUser> users, SignInManager<HeraldUser> signIn, ApplicationPasswords passwords,
    LoginThrottle throttle, StandInPassword standIn, TimeProvider clock, ILogger<WpAuthentication> log)
{
    /// <summary>The staff member the request authenticates as; throws WordPress's error when it does not.</summary>
    public async Task<ClaimsPrincipal> RequireAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (!TryReadBasic(http.Request, out var name, out var typed))
        {
            throw new WpRestError("rest_not_logged_in", "You are not currently logged in. Send an application password with HTTP Basic authentication.", StatusCodes.Status401Unauthorized);
        }
        if (!IsSecure(http))
        {
            throw new WpRestError("application_passwords_disabled",
                "Application passwords are accepted only over HTTPS (or from this machine): a password sent in clear is given away.", StatusCodes.Status401Unauthorized);
        }
        var attempt = new LoginAttempt(ClientNetwork.Of(http.Connection.RemoteIpAddress), "app:" + StaffSignIn.AccountKey(name), null);
        if (await throttle.WaitAsync(attempt, ct) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new WpRestError("rest_too_many_attempts",
                $"Too many wrong application passwords; try again in {Math.Ceiling(wait.RetryAfter.TotalSeconds):0} seconds.", StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByNameAsync(name) ?? await users.FindByEmailAsync(name);
        var used = user is null ? null : await passwords.CheckAsync(user, typed, ct);
        if (user is null || used is null)
        {
            if (user is null)
            {
                standIn.Check(typed); // The same cost as a wrong password, so the time does not tell which accounts exist.
            }
            await throttle.FailedAsync(attempt, ct);
            log.LogInformation("Wrong application password for {Account} from {Network}", attempt.AccountKey[..16], attempt.ClientNetwork);
            throw new WpRestError("incorrect_password", "The provided password is an invalid application password.", StatusCodes.Status401Unauthorized);
        }
        if (AccountStatus.IsDisabled(user, clock.GetUtcNow()) || !await signIn.CanSignInAsync(user))
        {
            throw new WpRestError("rest_user_disabled", "This account is disabled; an administrator can enable it again.", StatusCodes.Status401Unauthorized);
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        http.User = principal;
        return principal;
    }

    /// <summary>HTTPS as the client sees it (a trusted proxy's X-Forwarded-Proto included), or a client on this machine.</summary>
    public static bool IsSecure(HttpContext http) =>
        http.Request.IsHttps || (http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address));

    private static bool TryReadBasic(HttpRequest request, out string name, out string password)
    {
        name = password = "";
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || header.Length > 1024)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        (name, password) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}