using Herald.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>Signing out is a POST with an anti-forgery token, so no link elsewhere can sign a person out.</summary>
public sealed class LogoutModel(SignInManager<HeraldUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Newsroom/Pages/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/newsroom/login");
    }
}