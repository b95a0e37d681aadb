using System.Security.Cryptography;

namespace Herald.Accounts.ApplicationPasswords;

/// <summary>
/// How an application password looks: 24 letters and digits (about 143 bits), shown in groups of
/// four as WordPress shows its own; spaces are ignored when one is typed back.
/// </summary>
public static class ApplicationPasswordFormat
{
    public const int Length = 24;
    public const int PrefixLength = 4;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>In groups of four, for reading and copying.</summary>
    public static string Grouped(string password) =>
        string.Join(' ', Enumerable.Range(0, (password.Length + 3) / 4).Select(i => password.Substring(i * 4, Math.Min(4, password.Length - (i * 4)))));

    /// <summary>The password as typed without its spaces; null when it cannot be one (so no hash is checked).</summary>
    public static string? Normalize(string typed)
    {
        var bare = typed.Replace(" ", "", StringComparison.Ordinal);
        return bare.Length == Length && bare.All(c => char.IsAsciiLetterOrDigit(c)) ? bare : null;
    }
}