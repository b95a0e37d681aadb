namespace Herald.Accounts;

/// <summary>How every throttle of the accounts says how long to wait, so the words agree.</summary>
public static class Waits
{
    /// <summary>"45 seconds", "3 minutes", "2 hours": rounded up, so trying at the time said works.</summary>
    public static string Describe(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        if (minutes <= 90)
        {
            return minutes == 1 ? "1 minute" : $"{minutes} minutes";
        }
        var hours = (int)Math.Ceiling(minutes / 60.0);
        return $"{hours} hours";
    }

    /// <summary>The Retry-After header's value: whole seconds, at least one.</summary>
    public static string RetryAfter(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}