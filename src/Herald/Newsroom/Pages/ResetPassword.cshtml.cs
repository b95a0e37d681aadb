using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Herald.Accounts.PasswordReset;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>
/// The page a reset link opens. A dead link (expired, used, garbled, for no account) gets one
/// plain answer with 400 before anyone types a password; a refused password keeps the link alive.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordResets resets, ILogger<ResetPasswordModel> log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public ResetForm Form { get; set; } = new();

    public bool LinkIsDead { get; private set; }

    public string? AccountEmail { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string LinkLifetime => Waits.Describe(resets.Lifetime);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await resets.CheckAsync(UserId, Token) is not { } user)
        {
            return Dead();
        }
        AccountEmail = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await resets.CheckAsync(UserId, Token) is not { } user)
        {
            return Dead();
        }
        AccountEmail = user.Email;
        var problems = ModelState.Where(e => e.Key.StartsWith("Form.", StringComparison.Ordinal))
            .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        if (problems.Count == 0)
        {
            var outcome = await resets.ResetAsync(UserId, Token, Form.New);
            if (outcome.Result == ResetResult.DeadLink)
            {
                return Dead();
            }
            problems.AddRange(outcome.Problems);
        }
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        log.LogInformation("Password of {User} changed through a reset link", user.Id);
        TempData["LoginNotice"] = "Your password is changed. Sign in with the new one.";
        return Redirect("/newsroom/login");
    }

    private PageResult Dead()
    {
        LinkIsDead = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class ResetForm
    {
        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "A new password has 12 to 256 characters.")]
        [DataType(DataType.Password)]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "The two new passwords differ; type the same one twice.")]
        [DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
    }
}