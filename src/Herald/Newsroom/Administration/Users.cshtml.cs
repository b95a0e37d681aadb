using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Administration;

public sealed record UserRow(string Id, string Email, string Name, string Role, bool Locked);

/// <summary>Newsroom accounts (administrators only): add with a role, change the role, lock and unlock.</summary>
[Authorize(Policy = NewsroomAccess.Administrators)]
public sealed class UsersModel(UserManager<HeraldUser> users, UserAccounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty]
    public NewUserForm NewUser { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)), ct);
        }
        try
        {
            var password = string.IsNullOrEmpty(NewUser.Password) ? null : NewUser.Password;
            var created = await accounts.AddAsync(NewUser.Email.Trim(), NewUser.Role, password, NewUser.Name, ct);
            Notice = created.GeneratedPassword is { } generated
                ? $"Added {created.User.Email} as {Roles.Normalize(NewUser.Role)}. Their password, shown only now: {generated}"
                : $"Added {created.User.Email} as {Roles.Normalize(NewUser.Role)}.";
            return Redirect("/newsroom/users");
        }
        catch (AccountException e)
        {
            return await ShowAsync(e.Message, ct);
        }
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (Roles.Normalize(role) is not { } newRole)
        {
            return await ShowAsync($"Unknown role \"{role}\".", ct);
        }
        if (IsSelf(user) && newRole != Roles.Administrator)
        {
            return await ShowAsync("You cannot take away your own administrator role; ask another administrator.", ct);
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, newRole);
        // Signed-in sessions pick up the new role at their next check (within a minute).
        await users.UpdateSecurityStampAsync(user);
        Notice = $"{user.Email} is now {newRole}.";
        return Redirect("/newsroom/users");
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (IsSelf(user) && locked)
        {
            return await ShowAsync("You cannot lock your own account.", ct);
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        Notice = locked ? $"{user.Email} is locked out." : $"{user.Email} can sign in again.";
        return Redirect("/newsroom/users");
    }

    private bool IsSelf(HeraldUser user) => users.GetUserId(User) == user.Id;

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).Take(1000).ToListAsync(ct);
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, role, user.LockoutEnd is { } end && end > now));
        }
        Users = rows;
    }

    public sealed class NewUserForm
    {
        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
        public string Email { get; set; } = "";

        [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Contributor;

        [StringLength(256, MinimumLength = 12, ErrorMessage = "A password has 12 to 256 characters; leave it empty to have one made.")]
        public string? Password { get; set; }
    }
}