namespace Herald.Tests.Infrastructure;

/// <summary>
/// Tests that need a server Herald does not bundle (PostgreSQL, Chromium, Java) skip with a
/// clear message on a developer's machine that lacks it. Under CI (CI=true) the server is
/// installed by .ci/run, so its absence is a failure, never a skip.
/// </summary>
public static class RequiredService
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void SkipUnlessAvailable(bool available, string whatIsMissing)
    {
        if (available)
        {
            return;
        }
        if (InCi)
        {
            throw new InvalidOperationException($"{whatIsMissing} CI must install it (.ci/run).");
        }
        Skip.If(true, whatIsMissing);
    }
}