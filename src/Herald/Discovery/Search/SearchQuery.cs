using System.Globalization;
using System.Text;

namespace Herald.Discovery.Search;

/// <summary>
/// What a reader typed, reduced to words and quoted phrases. The engines never see the raw
/// text: each implementation builds its own query syntax from these letters-and-digits-only
/// tokens, so quotes, operators, "NEAR(", "*" or "-" can never change the query's meaning.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    public const int MaxLength = 500;
    public const int MaxTokens = 16;
    private const int MaxTokenLength = 60;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    /// <summary>Splits on double quotes: odd segments are phrases, the rest loose words. An unbalanced quote just ends the text.</summary>
    public static SearchQuery Parse(string? text)
    {
        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var budget = MaxTokens;
        var segments = (text ?? "").Split('"', '“', '”', '„');
        for (var i = 0; i < segments.Length && budget > 0; i++)
        {
            var tokens = Tokenize(segments[i]).Take(budget).ToList();
            budget -= tokens.Count;
            if (i % 2 == 1 && tokens.Count > 1)
            {
                phrases.Add(tokens);
            }
            else
            {
                words.AddRange(tokens.Where(t => !words.Contains(t)));
            }
        }
        return new SearchQuery(words, phrases);
    }

    /// <summary>The text decomposed (accents apart from their letters); a lone surrogate, which Normalize refuses, is no letter and splits words.</summary>
    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var whole = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogatePair(text, i))
                {
                    whole.Append(text, i++, 2);
                }
                else
                {
                    whole.Append(char.IsSurrogate(text[i]) ? ' ' : text[i]);
                }
            }
            return whole.ToString().Normalize(NormalizationForm.FormD);
        }
    }

    /// <summary>Lower-cased runs of letters and digits with accents removed ("Café" → "cafe", "C#" → "c").</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var current = new StringBuilder();
        foreach (var c in Decomposed(text))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (current.Length < MaxTokenLength)
                {
                    current.Append(char.ToLowerInvariant(c));
                }
                continue;
            }
            if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}