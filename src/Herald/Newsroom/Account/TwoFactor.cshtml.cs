using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Account;

/// <summary>
/// An editor's or administrator's own authenticator: set up with the key shown and as a QR code,
/// confirmed with a first code, recovery codes shown once; new recovery codes or turning it off
/// take a current code. Each change refreshes the person's own sign-in (the stamp changed).
/// </summary>
[Authorize(Policy = NewsroomAccess.Editors)]
public sealed class TwoFactorModel(UserManager<HeraldUser> users, SignInManager<HeraldUser> signIn, AuthenticatorSetup setup) : PageModel
{
    [BindProperty]
    public CodeForm Form { get; set; } = new();

    public bool Enabled { get; private set; }
    public AuthenticatorKey? Key { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are made; never stored anywhere readable.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>What this very answer says (the recovery codes are on it, so it is not a redirect).</summary>
    public string? Said { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user, ct) : Forbid();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Forbid();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/newsroom/account/two-factor");
        }
        if (!ModelState.IsValid || !await setup.ChecksAsync(user, Form.Code))
        {
            return await RefuseAsync(user, ct);
        }
        NewRecoveryCodes = await setup.EnableAsync(user);
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user, ct, "The authenticator is on: from your next sign-in, Herald asks for its code after your password.");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user || !user.TwoFactorEnabled)
        {
            return Redirect("/newsroom/account/two-factor");
        }
        if (!ModelState.IsValid || !await setup.ChecksAsync(user, Form.Code))
        {
            return await RefuseAsync(user, ct);
        }
        NewRecoveryCodes = await setup.NewRecoveryCodesAsync(user);
        return await ShowAsync(user, ct, "New recovery codes are made; the old ones no longer work.");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user || !user.TwoFactorEnabled)
        {
            return Redirect("/newsroom/account/two-factor");
        }
        if (!ModelState.IsValid || !await setup.ChecksAsync(user, Form.Code))
        {
            return await RefuseAsync(user, ct);
        }
        await setup.DisableAsync(user);
        await signIn.RefreshSignInAsync(user);
        Notice = "The authenticator is off: you sign in with your password alone.";
        return Redirect("/newsroom/account/two-factor");
    }

    private async Task<IActionResult> RefuseAsync(HeraldUser user, CancellationToken ct)
    {
        Problem = ModelState.IsValid
            ? "That code is not right. Codes change every 30 seconds: type the one the app shows now, and check the phone's clock."
            : string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(user, ct);
    }

    private async Task<IActionResult> ShowAsync(HeraldUser user, CancellationToken ct, string? notice = null)
    {
        Enabled = user.TwoFactorEnabled;
        Said = notice;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }
        var (key, made) = await setup.KeyAsync(user, ct);
        if (made)
        {
            await signIn.RefreshSignInAsync(user);
        }
        Key = key;
        return Page();
    }

    public sealed class CodeForm
    {
        [Required(ErrorMessage = "Enter the six-digit code your authenticator app shows.")]
        [StringLength(16, ErrorMessage = "A code has six digits.")]
        public string Code { get; set; } = "";
    }
}