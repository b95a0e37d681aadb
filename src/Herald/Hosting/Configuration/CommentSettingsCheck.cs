using Herald.Comments;

namespace Herald.Hosting.Configuration;

/// <summary>
/// The Comments section (appsettings.json beside the executable, or Comments__Name variables)
/// is bound only when the first comment arrives; a misspelt name or a value that does not
/// parse is caught at start instead, in one line that names it.
/// </summary>
public static class CommentSettingsCheck
{
    public static void Check(IConfiguration configuration)
    {
        var section = configuration.GetSection(CommentOptions.Section);
        var known = typeof(CommentOptions).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (section.GetChildren().FirstOrDefault(child => !known.Contains(child.Key)) is { } unknown)
        {
            throw new CommandLineException(
                $"Unknown setting {CommentOptions.Section}:{unknown.Key} (Comments__{unknown.Key} in the environment); the comment settings are listed in docs/operations.md.");
        }
        try
        {
            section.Get<CommentOptions>();
        }
        catch (InvalidOperationException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new CommandLineException($"A setting of {CommentOptions.Section} cannot be read: {e.Message.Split('\n')[0]} {reason.Split('\n')[0]}".Trim());
        }
    }
}