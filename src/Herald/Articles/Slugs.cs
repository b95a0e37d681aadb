using System.Text;
using AnyAscii;

namespace Herald.Articles;

/// <summary>
/// URL slugs from headlines and names: lowercase ASCII words joined by hyphens. Every script is
/// transliterated (AnyAscii: Greek, Cyrillic, Arabic, Hebrew, Devanagari, kana, Hangul, Han…)
/// rather than dropped, so a headline in any language gives a readable address.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 120;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var (piece, ownWord) in Pieces(text))
        {
            pendingHyphen |= ownWord;
            // Lower-case after transliteration too: 'İ' becomes "I".
            foreach (var c in piece.Transliterate().ToLowerInvariant())
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
            pendingHyphen |= ownWord;
        }
        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > 0 ? cut : MaxLength)];
        }
        return slug.Length == 0 ? "untitled" : slug;
    }

    /// <summary>
    /// The text in pieces to transliterate: each Han character alone, everything between them whole
    /// (a script's letters may depend on their neighbours, as kana's small ゅ does). Han is written
    /// without spaces and each character stands for a syllable or a word: one hyphenated word apiece
    /// reads better than a run of pinyin ("bei-jing", not "beijingshi…").
    /// </summary>
    private static IEnumerable<(string Piece, bool OwnWord)> Pieces(string text)
    {
        var start = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                if (index > start)
                {
                    yield return (text[start..index], false);
                }
                yield return (text.Substring(index, rune.Utf16SequenceLength), true);
                start = index + rune.Utf16SequenceLength;
            }
            index += rune.Utf16SequenceLength;
        }
        if (text.Length > start)
        {
            yield return (text[start..], false);
        }
    }

    private static bool IsHan(Rune rune) =>
        rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2FA1F or >= 0xF900 and <= 0xFAFF;

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