using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>
/// Sign-in for newsroom staff: the one newsroom page open to all. The same answer for an unknown address and a wrong password;
/// repeated failures make the client, the account or the browser wait, and the page says how long.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(StaffSignIn staff) : PageModel
{
    [BindProperty]
    public LoginForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Said once after a password reset: the person arrives here next.</summary>
    [TempData(Key = "LoginNotice")]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await staff.SignInAsync(HttpContext, Form.Email.Trim(), Form.Password, Form.RememberMe, ct);
        switch (outcome.Result)
        {
            case StaffSignInResult.SignedIn:
                return LocalRedirect(SafeReturnUrl());
            case StaffSignInResult.SecondStep:
                return Redirect($"{LoginCodeModel.Path}?ReturnUrl={Uri.EscapeDataString(SafeReturnUrl())}");
            case StaffSignInResult.Waiting:
                var wait = outcome.Wait!;
                Response.Headers.RetryAfter = Waits.RetryAfter(wait.RetryAfter);
                Problem = $"Too many failed sign-ins {Whose(wait.Scope)}. Try again in {Waits.Describe(wait.RetryAfter)}.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case StaffSignInResult.Disabled:
                Problem = "This account is disabled. Ask an administrator to enable it again.";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                // The same words for an unknown address and a wrong password: nothing to enumerate.
                Problem = "That e-mail address and password do not match an account.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
        }
        return Page();
    }

    private static string Whose(string scope) => scope switch
    {
        LoginThrottle.ClientScope => "from your network",
        LoginThrottle.DeviceScope => "from this browser",
        _ => "for this e-mail address",
    };

    private string SafeReturnUrl() => SafeReturn(Url, ReturnUrl);

    /// <summary>Only a page of the newsroom itself: a sign-in never sends anyone elsewhere.</summary>
    public static string SafeReturn(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/newsroom", StringComparison.Ordinal)
            ? returnUrl
            : "/newsroom";

    public sealed class LoginForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "A password has at most 256 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}