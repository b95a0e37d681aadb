namespace Herald.Accounts;

/// <summary>
/// An administrator disables an account by locking it with no end (Identity's lockout date set
/// to the end of time). Herald never locks an account for failed sign-ins (that is
/// <see cref="LoginThrottle"/>'s job, with a wait instead), so any lockout is a disabled account.
/// </summary>
public static class AccountStatus
{
    public static bool IsDisabled(HeraldUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;
}