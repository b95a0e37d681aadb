using Microsoft.AspNetCore.Identity;

namespace Herald.Accounts;

public sealed class HeraldUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

/// <summary>WordPress-like roles, from least to most powerful.</summary>
public static class Roles
{
    public const string Contributor = "Contributor";
    public const string Author = "Author";
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Contributor, Author, Editor, Administrator];

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}