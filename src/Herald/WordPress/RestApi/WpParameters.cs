using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Herald.WordPress.RestApi;

/// <summary>
/// Reads the query string the way the WordPress REST API does — "a=1,2" and "a[]=1&amp;a[]=2"
/// are the same list — and collects every bad parameter before failing, so one 400 names them
/// all. Every value is bounded: lists, strings and numbers alike.
/// </summary>
public sealed class WpParameters(IQueryCollection query, TimeZoneInfo zone)
{
    /// <summary>The most ids or slugs one list parameter may carry.</summary>
    public const int MaxListItems = 100;

    /// <summary>The longest search text or slug accepted.</summary>
    public const int MaxTextLength = 200;

    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);

    public bool Has(string name) => Raw(name).Count > 0;

    public int Int(string name, int fallback, int min, int max)
    {
        var value = OptionalInt(name, min, max);
        return value ?? fallback;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(name, $"{name} is not of type integer.");
            return null;
        }
        if (value < min || value > max)
        {
            Problem(name, max == int.MaxValue
                ? $"{name} must be greater than or equal to {min}"
                : $"{name} must be between {min} (inclusive) and {max} (inclusive)");
            return null;
        }
        return value;
    }

    /// <summary>A list of non-negative ids, at most <see cref="MaxListItems"/> of them; null when absent.</summary>
    public IReadOnlyList<int>? Ids(string name)
    {
        if (List(name) is not { } items)
        {
            return null;
        }
        var ids = new List<int>(items.Count);
        foreach (var item in items)
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                Problem(name, $"{name}[{ids.Count}] is not of type integer.");
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>A list of short strings (slugs), at most <see cref="MaxListItems"/>; null when absent.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        if (List(name) is not { } items)
        {
            return null;
        }
        if (items.Any(i => i.Length > MaxTextLength))
        {
            Problem(name, $"{name} items must be at most {MaxTextLength} characters long.");
            return null;
        }
        return items;
    }

    public string? Text(string name, int maxLength = MaxTextLength)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Problem(name, $"{name} must be at most {maxLength} characters long.");
            return null;
        }
        return text;
    }

    public string Choice(string name, string fallback, IReadOnlyList<string> allowed)
    {
        if (Single(name) is not { } text)
        {
            return fallback;
        }
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Problem(name, $"{name} is not one of {string.Join(", ", allowed)}.");
            return fallback;
        }
        return text;
    }

    public bool? Bool(string name)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }
        switch (text.ToLowerInvariant())
        {
            case "1" or "true":
                return true;
            case "0" or "false" or "":
                return false;
            default:
                Problem(name, $"{name} is not of type boolean.");
                return null;
        }
    }

    /// <summary>
    /// An ISO 8601 date, as UTC. Like WordPress, a date without an offset is the site's local time.
    /// </summary>
    public DateTime? Date(string name)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }
        var styles = DateTimeStyles.AllowWhiteSpaces;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        if (text.Length <= 40 && DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out var local))
        {
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        }
        string[] offsetFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        if (text.Length <= 40 && DateTimeOffset.TryParseExact(text, offsetFormats, CultureInfo.InvariantCulture, styles, out var withOffset))
        {
            return withOffset.UtcDateTime;
        }
        Problem(name, "Invalid date.");
        return null;
    }

    /// <summary>Fails with WordPress's rest_invalid_param listing every bad parameter seen so far.</summary>
    public void ThrowIfInvalid()
    {
        if (problems.Count > 0)
        {
            throw WpRestError.InvalidParameters(problems);
        }
    }

    public void Problem(string name, string message) => problems.TryAdd(name, message);

    private List<string>? List(string name)
    {
        var raw = Raw(name);
        if (raw.Count == 0)
        {
            return null;
        }
        var items = new List<string>();
        foreach (var value in raw)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (items.Count == MaxListItems)
                {
                    Problem(name, $"{name} must contain at most {MaxListItems} items.");
                    return null;
                }
                items.Add(part);
            }
        }
        return items;
    }

    private string? Single(string name)
    {
        var raw = Raw(name);
        if (raw.Count == 0)
        {
            return null;
        }
        if (raw.Count > 1)
        {
            Problem(name, $"{name} must be given once.");
            return null;
        }
        return raw[0];
    }

    private StringValues Raw(string name)
    {
        var plain = query[name];
        var bracketed = query[name + "[]"];
        return bracketed.Count == 0 ? plain : StringValues.Concat(plain, bracketed);
    }
}