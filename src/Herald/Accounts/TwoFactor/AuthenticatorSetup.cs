using System.Text;
using Herald.Site;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Herald.Accounts;

/// <summary>What an authenticator app needs: the shared key, typed or scanned.</summary>
public sealed record AuthenticatorKey(string Key, string ReadableKey, string Uri, string QrCodeDataUrl);

/// <summary>
/// Setting up, checking and turning off an account's authenticator (RFC 6238 TOTP through
/// Identity's authenticator provider). The QR code is drawn here as a PNG data URL, so the key
/// never leaves the server for a chart service. Every change that touches the key or the
/// two-factor flag changes the security stamp, so the caller refreshes its own sign-in.
/// </summary>
public sealed class AuthenticatorSetup(UserManager<HeraldUser> users, SiteState site)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The key waiting to be confirmed; made on first use. Returns whether a new key was made (and the stamp changed).</summary>
    public async Task<(AuthenticatorKey Key, bool Made)> KeyAsync(HeraldUser user, CancellationToken ct)
    {
        var made = false;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
            made = true;
        }
        var issuer = (await site.GetAsync(ct)).Settings.Title;
        var uri = $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";
        return (new AuthenticatorKey(key, Readable(key), uri, QrCode(uri)), made);
    }

    public Task<bool> ChecksAsync(HeraldUser user, string code)
    {
        var typed = new string([.. code.Where(char.IsAsciiDigit)]);
        return typed.Length == 6
            ? users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)
            : Task.FromResult(false);
    }

    /// <summary>Turns two-factor sign-in on and returns the recovery codes, to be shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(HeraldUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(HeraldUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>Off, with a new key and no recovery codes: the old app and the old codes are worthless.</summary>
    public async Task DisableAsync(HeraldUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Groups of four, lower case: how a person types it into an app.</summary>
    private static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    private static string QrCode(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}