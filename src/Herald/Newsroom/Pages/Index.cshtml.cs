using Herald.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>The newsroom's front page: who is signed in and with which role.</summary>
public sealed class IndexModel(UserManager<HeraldUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        UserRoles = user is null ? [] : (await users.GetRolesAsync(user)).ToList();
    }
}