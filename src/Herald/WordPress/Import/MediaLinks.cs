using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.WordPress.Import;

/// <summary>
/// The old addresses of the attachments Herald holds a copy of, and how a body's references to
/// them become Herald's: every absolute (or protocol-relative) address in the text whose host and
/// path name a copied attachment is replaced, wherever it stands (img src, srcset, a link
/// around a picture, a [caption] or [gallery] shortcode). WordPress links sized copies of a
/// picture ("x-300x200.jpg") and, since 5.3, a scaled one ("x-scaled.jpg"); those lead to the
/// smallest rendition at least as wide, or to the full picture.
/// </summary>
public sealed partial class MediaLinks
{
    private readonly Dictionary<string, Copy> copies = new(StringComparer.Ordinal);

    private sealed record Copy(string Url, IReadOnlyList<(int Width, string Url)> Sizes);

    [GeneratedRegex(@"(?:https?:)?//[A-Za-z0-9.\-]+(?::\d+)?/[^\s""'<>\[\]()]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Address();

    [GeneratedRegex(@"-(\d{1,5})x\d{1,5}(?=\.[A-Za-z0-9]{2,5}$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SizeSuffix();

    public int Count => copies.Count;

    /// <summary>An attachment stored by Herald: its old address, its new one and its renditions ("url 480w, ...").</summary>
    public void Add(string oldUrl, string url, string srcset)
    {
        if (Key(oldUrl) is not { } key)
        {
            return;
        }
        var sizes = new List<(int, string)>();
        foreach (var entry in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[1].EndsWith('w') && int.TryParse(parts[1][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var width))
            {
                sizes.Add((width, parts[0]));
            }
        }
        var copy = new Copy(url, sizes.OrderBy(s => s.Item1).ToList());
        copies[key] = copy;
        // WordPress 5.3+ names the attachment "x-scaled.jpg" and keeps the original as "x.jpg"; bodies may link either.
        if (key.Contains("-scaled.", StringComparison.Ordinal))
        {
            copies.TryAdd(key.Replace("-scaled.", ".", StringComparison.Ordinal), copy);
        }
    }

    /// <summary>The text with every reference to a copied attachment pointing at Herald's copy.</summary>
    public string Rewrite(string text)
    {
        if (copies.Count == 0 || text.Length == 0)
        {
            return text;
        }
        try
        {
            return Address().Replace(text, m => Replacement(m.Value) ?? m.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological body keeps its old addresses rather than stopping the import.
            return text;
        }
    }

    private string? Replacement(string address)
    {
        if (Key(address) is not { } key)
        {
            return null;
        }
        if (copies.TryGetValue(key, out var exact))
        {
            return exact.Url;
        }
        var sized = SizeSuffix().Match(key);
        if (!sized.Success || !copies.TryGetValue(key.Remove(sized.Index, sized.Length), out var copy))
        {
            return null;
        }
        var wanted = int.Parse(sized.Groups[1].Value, CultureInfo.InvariantCulture);
        return copy.Sizes.FirstOrDefault(s => s.Width >= wanted).Url ?? copy.Url;
    }

    /// <summary>host[:port]/path, lower-case host, no scheme, query or fragment: http and https name the same file.</summary>
    private static string? Key(string address)
    {
        var absolute = address.StartsWith("//", StringComparison.Ordinal) ? "https:" + address : address;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return uri.Authority.ToLowerInvariant() + Uri.UnescapeDataString(uri.AbsolutePath);
    }
}