using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>Sign-in for newsroom staff, with Identity's lockout after repeated failures: the one newsroom page open to all.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<HeraldUser> signIn) : PageModel
{
    [BindProperty]
    public LoginForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Form.Email.Trim(), Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }
        // Say the same thing for an unknown address and a wrong password: nothing to enumerate.
        Problem = result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator."
            : "That e-mail address and password do not match an account.";
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return Page();
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