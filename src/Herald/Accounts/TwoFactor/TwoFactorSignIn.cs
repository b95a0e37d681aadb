using System.Security.Claims;
using Herald.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Herald.Accounts;

/// <summary>What the second step of a sign-in came to.</summary>
public enum SecondStepResult
{
    SignedIn,

    /// <summary>No password was checked in this browser in the last minutes: start again.</summary>
    Expired,

    /// <summary>A wrong or already used code.</summary>
    Refused,

    Waiting,

    Disabled,
}

public sealed record SecondStepOutcome(SecondStepResult Result, LoginWait? Wait = null, bool UsedRecoveryCode = false);

/// <summary>
/// The second step of a sign-in for an account with an authenticator: a code from the app
/// (RFC 6238, checked by Identity's authenticator provider) or one of its recovery codes, each of
/// which works once. Between the steps the browser holds Identity's short-lived two-factor cookie
/// with the account's id. Wrong codes feed the same <see cref="LoginThrottle"/> counts as wrong
/// passwords, so guessing six digits is as slow as guessing a password; nothing here ever locks
/// the account (Identity's own two-factor sign-in would, after five failures).
/// </summary>
public sealed class TwoFactorSignIn(
    UserManager<HeraldUser> users, SignInManager<HeraldUser> signIn, LoginThrottle throttle, LoginDevices devices,
    LoginMetrics metrics, TimeProvider clock, ILogger<TwoFactorSignIn> log)
{
    private const string RememberClaim = "herald:remember";

    /// <summary>A recovery code as Identity makes it: ten characters, grouped five and five.</summary>
    public const int LongestCode = 32;

    /// <summary>After the password: the account waits in the two-factor cookie for its code.</summary>
    public static Task BeginAsync(HttpContext context, HeraldUser user, bool remember)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(RememberClaim, remember ? "1" : "0"));
        return context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Whether this browser is between the two steps.</summary>
    public static async Task<bool> IsPendingAsync(HttpContext context) =>
        (await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Succeeded;

    public async Task<SecondStepOutcome> CompleteAsync(HttpContext context, string code, CancellationToken ct)
    {
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (pending.Principal?.FindFirstValue(ClaimTypes.Name) is not { } userId || await users.FindByIdAsync(userId) is not { } user)
        {
            return new SecondStepOutcome(SecondStepResult.Expired);
        }
        var accountKey = StaffSignIn.AccountKey(user.Email ?? "");
        var attempt = new LoginAttempt(ClientNetwork.Of(context.Connection.RemoteIpAddress), accountKey, devices.Trusted(context, accountKey));
        if (await throttle.WaitAsync(attempt, ct) is { } wait)
        {
            metrics.Count("throttled");
            return new SecondStepOutcome(SecondStepResult.Waiting, wait);
        }
        if (AccountStatus.IsDisabled(user, clock.GetUtcNow()) || !user.TwoFactorEnabled)
        {
            await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return new SecondStepOutcome(SecondStepResult.Disabled);
        }

        var typed = new string([.. code.Where(c => !char.IsWhiteSpace(c))]);
        var authenticatorCode = typed.Length == 6 && typed.All(char.IsAsciiDigit);
        var accepted = authenticatorCode
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)
            : typed.Length <= LongestCode && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded;
        if (!accepted)
        {
            await throttle.FailedAsync(attempt, ct);
            metrics.Count("failed");
            log.LogInformation("Wrong second-step code for {User} from {Network}", user.Id, attempt.ClientNetwork);
            return new SecondStepOutcome(SecondStepResult.Refused);
        }

        var remember = pending.Principal.FindFirstValue(RememberClaim) == "1";
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, remember, [new Claim("amr", "mfa")]);
        await throttle.SucceededAsync(devices.Remember(context, accountKey), ct);
        metrics.Count("succeeded");
        log.LogInformation("Signed in {User} from {Network} with {Kind}", user.Id, attempt.ClientNetwork, authenticatorCode ? "an authenticator code" : "a recovery code");
        return new SecondStepOutcome(SecondStepResult.SignedIn, UsedRecoveryCode: !authenticatorCode);
    }
}