using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Herald.Accounts.Mail;
using Herald.Accounts.PasswordReset;
using Herald.Hosting.ReverseProxy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Administration;

public sealed record UserRow(string Id, string Email, string Name, string Role, bool Disabled, bool TwoFactor)
{
    /// <summary>How a confirmation names the person: their byline and their address.</summary>
    public string Who => string.IsNullOrEmpty(Name) ? Email : $"{Name} ({Email})";
}

/// <summary>
/// Newsroom accounts (administrators only): add with a role, change the role, send a reset
/// link, disable and enable, reset two-factor sign-in. Every change to an existing account is
/// asked for twice: the first post shows a confirmation naming the person, the second (with
/// confirmed=true) acts. The site always keeps an active administrator.
/// </summary>
[Authorize(Policy = NewsroomAccess.Administrators)]
public sealed class UsersModel(
    UserManager<HeraldUser> users, UserAccounts accounts, PasswordResets resets, MailSender mail, AuthenticatorSetup authenticator, TimeProvider clock,
    ILogger<UsersModel> log) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public string? Problem { get; private set; }
    public Confirmation? Pending { get; private set; }
    public bool CanMail => mail.IsConfigured;

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

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, bool confirmed, CancellationToken ct)
    {
        if (await FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        var (user, row) = found;
        if (Roles.Normalize(role) is not { } newRole)
        {
            return await ShowAsync($"Unknown role \"{role}\".", ct);
        }
        if (newRole == row.Role)
        {
            return await ShowAsync($"{row.Who} is already {newRole}.", ct);
        }
        if (newRole != Roles.Administrator && await IsLastActiveAdministratorAsync(user))
        {
            return await ShowAsync($"{row.Who} is the last active administrator; make someone else an administrator first.", ct);
        }
        if (IsSelf(user) && newRole != Roles.Administrator)
        {
            return await ShowAsync("You cannot take away your own administrator role; ask another administrator.", ct);
        }
        if (!confirmed)
        {
            return await ConfirmAsync(new Confirmation("Role", user.Id, $"Make {row.Who} {Article(newRole)} {newRole}?",
                $"They are {Article(row.Role)} {row.Role} now. Their sessions end and they sign in again with the new role.",
                $"Make {row.Name.NullIfEmpty() ?? row.Email} {newRole}", new Dictionary<string, string> { ["role"] = newRole }), ct);
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, newRole);
        // The session check sees the new stamp at the account's next request; it signs in again with the new role.
        await users.UpdateSecurityStampAsync(user);
        log.LogInformation("{Admin} made {User} {Role}", users.GetUserId(User), user.Id, newRole);
        Notice = $"{row.Who} is now {newRole}.";
        return Redirect("/newsroom/users");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool confirmed, CancellationToken ct)
    {
        if (await FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        var (user, row) = found;
        if (row.Disabled)
        {
            return await ShowAsync($"{row.Who} is disabled already.", ct);
        }
        // The rule about the site comes first: it is the reason that matters when both hold.
        if (await IsLastActiveAdministratorAsync(user))
        {
            return await ShowAsync($"{row.Who} is the last active administrator; make someone else an administrator first.", ct);
        }
        if (IsSelf(user))
        {
            return await ShowAsync("You cannot disable your own account; ask another administrator.", ct);
        }
        if (!confirmed)
        {
            return await ConfirmAsync(new Confirmation("Disable", user.Id, $"Disable the account of {row.Who}?",
                "They are signed out everywhere at once and cannot sign in until an administrator enables the account again. Their articles, bylines and revisions stay.",
                $"Disable {row.Name.NullIfEmpty() ?? row.Email}", new Dictionary<string, string>()), ct);
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        log.LogInformation("{Admin} disabled {User}", users.GetUserId(User), user.Id);
        Notice = $"The account of {row.Who} is disabled. Enable it again from this page.";
        return Redirect("/newsroom/users");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, bool confirmed, CancellationToken ct)
    {
        if (await FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        var (user, row) = found;
        if (!row.Disabled)
        {
            return await ShowAsync($"{row.Who} can sign in already.", ct);
        }
        if (!confirmed)
        {
            return await ConfirmAsync(new Confirmation("Enable", user.Id, $"Enable the account of {row.Who} again?",
                $"They can sign in again with their password, as {Article(row.Role)} {row.Role}.",
                $"Enable {row.Name.NullIfEmpty() ?? row.Email}", new Dictionary<string, string>()), ct);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        log.LogInformation("{Admin} enabled {User}", users.GetUserId(User), user.Id);
        Notice = $"{row.Who} can sign in again.";
        return Redirect("/newsroom/users");
    }

    public async Task<IActionResult> OnPostResetLinkAsync(string id, bool confirmed, CancellationToken ct)
    {
        if (await FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        var (user, row) = found;
        if (!confirmed)
        {
            return await ConfirmAsync(CanMail
                ? new Confirmation("ResetLink", user.Id, $"Send {row.Who} a link to choose a new password?",
                    $"The link goes to {row.Email} and works once, for {Waits.Describe(resets.Lifetime)}. Their password stays as it is until they use it.",
                    $"Send the link to {row.Name.NullIfEmpty() ?? row.Email}", new Dictionary<string, string>())
                : new Confirmation("ResetLink", user.Id, $"Make a link for {row.Who} to choose a new password?",
                    $"This site sends no mail, so the link is shown here for you to pass on in person or by a channel you trust. It works once, for {Waits.Describe(resets.Lifetime)}.",
                    $"Make the link for {row.Name.NullIfEmpty() ?? row.Email}", new Dictionary<string, string>()), ct);
        }
        var link = await resets.LinkAsync(user, HttpContext.PublicOrigin());
        if (!CanMail)
        {
            log.LogInformation("{Admin} made a password-reset link for {User}", users.GetUserId(User), user.Id);
            Notice = $"A link for {row.Who} to choose a new password, shown only now: {link}";
            return Redirect("/newsroom/users");
        }
        try
        {
            // Sent while the administrator waits, so a mail server that refuses is said here, not only in the log.
            await mail.SendAsync(await resets.MessageAsync(user, link, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError("Could not send a reset link to {User}: {Problem}", user.Id, e.Message);
            return await ShowAsync($"The mail server did not take the message for {row.Who}: {e.Message}", ct);
        }
        log.LogInformation("{Admin} sent a password-reset link to {User}", users.GetUserId(User), user.Id);
        Notice = $"A link to choose a new password is on its way to {row.Email}.";
        return Redirect("/newsroom/users");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, bool confirmed, CancellationToken ct)
    {
        if (await FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        var (user, row) = found;
        if (!row.TwoFactor)
        {
            return await ShowAsync($"{row.Who} does not use an authenticator.", ct);
        }
        if (!confirmed)
        {
            return await ConfirmAsync(new Confirmation("ResetTwoFactor", user.Id, $"Turn off the authenticator of {row.Who}?",
                "Their authenticator app and recovery codes stop working and they sign in with their password alone until they set up an authenticator again. Do this when they have lost their phone and their recovery codes.",
                $"Turn off the authenticator of {row.Name.NullIfEmpty() ?? row.Email}", new Dictionary<string, string>()), ct);
        }
        // A new key (and a new security stamp): the old app's codes are worthless and open sessions end.
        await authenticator.DisableAsync(user);
        log.LogInformation("{Admin} turned off the authenticator of {User}", users.GetUserId(User), user.Id);
        Notice = $"{row.Who} signs in with their password alone now; they can set up an authenticator again on their account page.";
        return Redirect("/newsroom/users");
    }

    private static string Article(string role) => role.Length > 0 && "AEIOU".Contains(role[0], StringComparison.Ordinal) ? "an" : "a";

    private bool IsSelf(HeraldUser user) => users.GetUserId(User) == user.Id;

    private async Task<(HeraldUser User, UserRow Row)?> FindAsync(string? id)
    {
        if (id is not { Length: > 0 and <= 64 } || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }
        return (user, await RowAsync(user, clock.GetUtcNow()));
    }

    private async Task<bool> IsLastActiveAdministratorAsync(HeraldUser user)
    {
        var now = clock.GetUtcNow();
        if (AccountStatus.IsDisabled(user, now) || !await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return false;
        }
        return !(await users.GetUsersInRoleAsync(Roles.Administrator)).Any(other => other.Id != user.Id && !AccountStatus.IsDisabled(other, now));
    }

    private async Task<IActionResult> ConfirmAsync(Confirmation confirmation, CancellationToken ct)
    {
        Pending = confirmation;
        await LoadAsync(ct);
        return Page();
    }

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
            rows.Add(await RowAsync(user, now));
        }
        Users = rows;
    }

    private async Task<UserRow> RowAsync(HeraldUser user, DateTimeOffset now) => new(
        user.Id, user.Email ?? "", user.DisplayName, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
        AccountStatus.IsDisabled(user, now), user.TwoFactorEnabled);

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

/// <summary>An action on an account waiting for the administrator's second yes: what it is, whom it touches, what follows.</summary>
public sealed record Confirmation(string Handler, string UserId, string Question, string Consequence, string Button, IReadOnlyDictionary<string, string> Fields);

internal static class Text
{
    public static string? NullIfEmpty(this string? value) => string.IsNullOrEmpty(value) ? null : value;
}