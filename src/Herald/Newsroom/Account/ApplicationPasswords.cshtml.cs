using Herald.Accounts;
using Herald.Accounts.ApplicationPasswords;
using Herald.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Account;

/// <summary>
/// One's own application passwords, for programs that write through the WordPress API: make one
/// (shown once, on the answer to the form, never stored readable), see when each was last used,
/// revoke any.
/// </summary>
public sealed class ApplicationPasswordsModel(UserManager<HeraldUser> users, ApplicationPasswords passwords, SiteState site) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<ApplicationPassword> Existing { get; private set; } = [];

    /// <summary>The password just made, shown on this answer only.</summary>
    public (string Name, string Password)? Made { get; private set; }

    public string? Problem { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }
        var (made, problem) = await passwords.CreateAsync(user, Name, ct);
        if (made is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            Made = (made.Row.Name, ApplicationPasswordFormat.Grouped(made.Password));
            Name = null;
            // The password is on this page only: no cache, no back-button copy.
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }
        Notice = await passwords.RevokeAsync(user.Id, id, ct)
            ? "Revoked. Programs using that password can no longer write."
            : "That application password was already revoked.";
        return Redirect("/newsroom/account/application-passwords");
    }

    private async Task LoadAsync(HeraldUser user, CancellationToken ct)
    {
        Existing = await passwords.ListAsync(user.Id, ct);
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
    }
}