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
            case StaffSignInResult.Waiting:
                var wait = outcome.Wait!;
                Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Problem = $"Too many failed sign-ins {Whose(wait.Scope)}. Try again in {Duration(wait.RetryAfter)}.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case StaffSignInResult.Disabled:
                Problem = "This account is locked. Ask an administrator to unlock it.";
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

    /// <summary>"45 seconds", "3 minutes": rounded up, so trying at the time said works.</summary>
    public static string Duration(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/newsroom", StringComparison.Ordinal)
            ? ReturnUrl
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