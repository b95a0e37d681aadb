namespace Herald.Articles.Protection;

/// <summary>The password form on a protected story: where the story lives, and why the last try failed (or null).</summary>
public sealed record PasswordFormView(string StoryPath, string? Problem)
{
    /// <summary>Where the form posts: the story's own address, one step down.</summary>
    public string Action => StoryPath + "/unlock";
}