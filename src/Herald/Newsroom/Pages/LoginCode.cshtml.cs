using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>
/// The second step of signing in to an account with an authenticator. It lives under
/// /newsroom/login so the browser sends its sign-in device cookie here too, and wrong codes
/// are counted per browser like wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class LoginCodeModel(TwoFactorSignIn twoFactor) : PageModel
{
    public const string Path = "/newsroom/login/code";

    [BindProperty]
    public CodeForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    [TempData(Key = "LoginNotice")]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await TwoFactorSignIn.IsPendingAsync(HttpContext) ? Page() : Restart();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var outcome = await twoFactor.CompleteAsync(HttpContext, Form.Code, ct);
        switch (outcome.Result)
        {
            case SecondStepResult.SignedIn:
                return LocalRedirect(LoginModel.SafeReturn(Url, ReturnUrl));
            case SecondStepResult.Expired:
                return Restart();
            case SecondStepResult.Waiting:
                var wait = outcome.Wait!;
                Response.Headers.RetryAfter = Waits.RetryAfter(wait.RetryAfter);
                Problem = $"Too many wrong codes or passwords {(wait.Scope == LoginThrottle.DeviceScope ? "from this browser" : wait.Scope == LoginThrottle.ClientScope ? "from your network" : "for this account")}. Try again in {Waits.Describe(wait.RetryAfter)}.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case SecondStepResult.Disabled:
                Problem = "This account is disabled. Ask an administrator to enable it again.";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                Problem = "That code is not right, or it was used already. Codes change every 30 seconds: type the one the app shows now.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }
        return Page();
    }

    private RedirectResult Restart()
    {
        Notice = "Sign in again: the step for the authenticator code waits five minutes at most.";
        return Redirect("/newsroom/login");
    }

    public sealed class CodeForm
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
        [StringLength(TwoFactorSignIn.LongestCode, ErrorMessage = "A code has at most 32 characters.")]
        public string Code { get; set; } = "";
    }
}