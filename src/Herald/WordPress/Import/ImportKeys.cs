using System.Security.Cryptography;
using System.Text;

namespace Herald.WordPress.Import;

/// <summary>The <see cref="ImportedItem"/> kinds, and stable ids for things WordPress numbers by name.</summary>
public static class ImportKeys
{
    public const string Post = "post";
    public const string Attachment = "attachment";
    public const string Comment = "comment";
    public const string Category = "category";
    public const string Tag = "tag";
    public const string Author = "author";

    /// <summary>Authors have logins, not ids in WXR: a 63-bit hash of the login is their external id.</summary>
    public static long ForName(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToLowerInvariant()));
        return BitConverter.ToInt64(hash, 0) & long.MaxValue;
    }

    /// <summary>WordPress slugs of non-Latin titles are percent-encoded UTF-8 ("%ce%b5..."); Herald's are ASCII.</summary>
    public static string SlugFrom(string wordpressSlug)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(wordpressSlug);
        }
        catch (UriFormatException)
        {
            decoded = wordpressSlug;
        }
        return Articles.Slugs.From(decoded);
    }

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}