using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Herald.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Herald.Accounts;

/// <summary>What a sign-in came to.</summary>
public enum StaffSignInResult
{
    SignedIn,

    /// <summary>Unknown address or wrong password: one answer for both.</summary>
    Refused,

    /// <summary>Too many failures: try again after the wait.</summary>
    Waiting,

    /// <summary>The right password for an account an administrator has disabled.</summary>
    Disabled,

    /// <summary>The right password; the account asks for its authenticator's code next (<see cref="TwoFactorSignIn"/>).</summary>
    SecondStep,
}

public sealed record SignInOutcome(StaffSignInResult Result, LoginWait? Wait = null);

/// <summary>
/// Newsroom sign-in. An unknown address costs what a wrong password costs (the password is
/// checked against a stand-in hash) and gets the same answer, so neither the words nor the time
/// tell which accounts exist. Failures feed <see cref="LoginThrottle"/>; every attempt is logged
/// and counted (meter "Herald.Login", counter "herald.login.attempts", tagged by outcome).
/// </summary>
public sealed class StaffSignIn(
    UserManager<HeraldUser> users, SignInManager<HeraldUser> signIn, LoginThrottle throttle, LoginDevices devices,
    StandInPassword standIn, LoginMetrics metrics, ILogger<StaffSignIn> log)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext context, string email, string password, bool remember, CancellationToken ct)
    {
        var accountKey = AccountKey(email);
        var attempt = new LoginAttempt(ClientNetwork.Of(context.Connection.RemoteIpAddress), accountKey, devices.Trusted(context, accountKey));
        if (await throttle.WaitAsync(attempt, ct) is { } wait)
        {
            metrics.Count("throttled");
            log.LogWarning("Sign-in for account {Account} from {Network} refused: that {Scope} must wait {Seconds:0} s", accountKey[..12], attempt.ClientNetwork, wait.Scope, wait.RetryAfter.TotalSeconds);
            return new SignInOutcome(StaffSignInResult.Waiting, wait);
        }

        var user = await users.FindByEmailAsync(email);
        var matches = user is null ? standIn.Check(password) : await users.CheckPasswordAsync(user, password);
        if (!matches || user is null)
        {
            await throttle.FailedAsync(attempt, ct);
            metrics.Count("failed");
            log.LogInformation("Failed sign-in for account {Account} ({Known}) from {Network}", accountKey[..12], user is null ? "no such account" : "wrong password", attempt.ClientNetwork);
            return new SignInOutcome(StaffSignInResult.Refused);
        }
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            metrics.Count("disabled");
            log.LogWarning("Sign-in to the locked account {Account} from {Network}", accountKey[..12], attempt.ClientNetwork);
            return new SignInOutcome(StaffSignInResult.Disabled);
        }
        if (user.TwoFactorEnabled)
        {
            await TwoFactorSignIn.BeginAsync(context, user, remember);
            metrics.Count("second-step");
            log.LogInformation("Password of {User} checked from {Network}; asking for the second step", user.Id, attempt.ClientNetwork);
            return new SignInOutcome(StaffSignInResult.SecondStep);
        }
        await signIn.SignInAsync(user, remember);
        await throttle.SucceededAsync(devices.Remember(context, accountKey), ct);
        metrics.Count("succeeded");
        log.LogInformation("Signed in {User} from {Network}", user.Id, attempt.ClientNetwork);
        return new SignInOutcome(StaffSignInResult.SignedIn);
    }

    /// <summary>The address as typed, normalized and hashed: the throttle's key whether or not an account has it.</summary>
    public static string AccountKey(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}

/// <summary>
/// A hash made once, with the same algorithm and settings as real accounts' hashes, that no
/// password matches: checking against it costs exactly what checking a real account's costs.
/// </summary>
public sealed class StandInPassword
{
    private static readonly HeraldUser Nobody = new();
    private readonly PasswordHasher<HeraldUser> hasher;
    private readonly string hash;

    public StandInPassword(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<HeraldUser>(options);
        hash = hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(64));
    }

    public bool Check(string password)
    {
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
        return false;
    }
}

/// <summary>Sign-in attempts by outcome, for whatever collects the app's metrics.</summary>
public sealed class LoginMetrics(IMeterFactory meters)
{
    public const string MeterName = "Herald.Login";
    private readonly Counter<long> attempts = meters.Create(MeterName).CreateCounter<long>("herald.login.attempts", description: "Newsroom sign-in attempts by outcome");

    public void Count(string outcome) => attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}