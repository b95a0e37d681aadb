using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Account;

/// <summary>Change one's own password; other sessions of the account are signed out.</summary>
public sealed class PasswordModel(UserManager<HeraldUser> users, SignInManager<HeraldUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }
        if (problems.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, Form.Current, Form.New);
            problems.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description));
        }
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Notice = "Your password is changed.";
        return Redirect("/newsroom/account/password");
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256, ErrorMessage = "A password has at most 256 characters.")]
        [DataType(DataType.Password)]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "A new password has 12 to 256 characters.")]
        [DataType(DataType.Password)]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "The two new passwords differ; type the same one twice.")]
        [DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
    }
}