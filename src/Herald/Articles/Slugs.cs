using System.Globalization;
using System.Text;

namespace Herald.Articles;

/// <summary>
/// URL slugs from headlines and names: lowercase ASCII words joined by hyphens, with
/// accented Latin, Turkish and Cyrillic letters transliterated rather than dropped.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 120;

    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['ø'] = "o",
        ['œ'] = "oe",
        ['ð'] = "d",
        ['þ'] = "th",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ı'] = "i",
        ['ħ'] = "h",
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "yo",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "y",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        ['і'] = "i",
        ['ї'] = "yi",
        ['є'] = "ye",
        ['ґ'] = "g",
    };

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var original in text)
        {
            // Lower-case after transliteration too: 'İ' only decomposes into 'I' plus a dot.
            var piece = Transliterate(char.ToLowerInvariant(original)).ToLowerInvariant();
            foreach (var c in piece)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    if (pendingHyphen && builder.Length > 0)
                    {
                        builder.Append('-');
                    }
                    builder.Append(c);
                    pendingHyphen = false;
                }
                else if (c != '\'' && c != '’')
                {
                    pendingHyphen = true;
                }
            }
        }
        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > 0 ? cut : MaxLength)];
        }
        return slug.Length == 0 ? "untitled" : slug;
    }

    private static string Transliterate(char c)
    {
        if (Special.TryGetValue(c, out var replacement))
        {
            return replacement;
        }
        if (c < 128)
        {
            return c.ToString();
        }
        // Strip diacritics: é → e, ş → s, ğ → g, ç → c, ü → u.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && d < 128)
            {
                builder.Append(d);
            }
        }
        return builder.ToString();
    }

    /// <summary>True when a slug is well-formed; routes reject anything else before a query.</summary>
    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= ArticleLimits.Slug && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>
    /// <paramref name="wanted"/>, or the first of wanted-2, wanted-3, ... that is free: the one way
    /// Herald numbers a slug another article, author or person already has.
    /// </summary>
    public static async ValueTask<string> UniqueAsync(string wanted, Func<string, ValueTask<bool>> isTaken)
    {
        var slug = wanted;
        for (var n = 2; await isTaken(slug); n++)
        {
            slug = $"{wanted}-{n}";
        }
        return slug;
    }

    /// <summary><see cref="UniqueAsync"/> for callers that know the taken slugs already (an import's set).</summary>
    public static string Unique(string wanted, Func<string, bool> isTaken)
    {
        var pending = UniqueAsync(wanted, slug => ValueTask.FromResult(isTaken(slug)));
        // Every check completes at once, so the loop has finished by now.
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("A synchronous slug check did not complete.");
    }
}