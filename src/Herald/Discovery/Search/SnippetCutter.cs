using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Discovery.Search;

/// <summary>
/// Cuts a result's snippet out of its body in .NET: the run of <see cref="Words"/> words that
/// holds the most different matched words (the earliest such run), a few words of lead-in before
/// the first match, "…" where text was left out, and every matched word between
/// <see cref="Snippets.MarkStart"/> and <see cref="Snippets.MarkEnd"/>. Which words match is the
/// caller's question (the engine's stemmer answers it); this class only finds words and places.
/// </summary>
public static partial class SnippetCutter
{
    /// <summary>Words per snippet, as SQLite's snippet() is asked for.</summary>
    public const int Words = 28;

    /// <summary>Words shown before the first match of the chosen run, so it does not open on the match.</summary>
    private const int LeadIn = 4;

    /// <summary>The runs of letters and digits in <paramref name="body"/>, outside HTML tags, as they are written.</summary>
    public static IEnumerable<string> WordsOf(string body)
    {
        var text = WithoutTags(body);
        foreach (var (start, end) in Spans(text))
        {
            yield return text[start..end];
        }
    }

    /// <summary>
    /// The snippet of <paramref name="body"/> for the words <paramref name="isMatch"/> accepts
    /// (it is given each word as written); the opening words when none matches.
    /// </summary>
    public static string Cut(string body, Func<string, bool> isMatch)
    {
        var text = WithoutTags(body);
        var spans = Spans(text).ToList();
        if (spans.Count == 0)
        {
            return "";
        }
        var words = spans.Select(s => text[s.Start..s.End]).ToList();
        var matched = words.Select(isMatch).ToList();
        var first = BestStart(words, matched);
        var last = Math.Min(spans.Count, first + Words) - 1;

        var snippet = new StringBuilder();
        if (first > 0)
        {
            snippet.Append("… ");
        }
        for (var i = first; i <= last; i++)
        {
            if (i > first)
            {
                snippet.Append(text, spans[i - 1].End, spans[i].Start - spans[i - 1].End);
            }
            snippet.Append(matched[i] ? Snippets.MarkStart + words[i] + Snippets.MarkEnd : words[i]);
        }
        if (last < spans.Count - 1)
        {
            snippet.Append(" …");
        }
        return snippet.ToString();
    }

    /// <summary>Where the run with the most different matched words (then the most matches) starts.</summary>
    private static int BestStart(List<string> words, List<bool> matched)
    {
        var best = 0;
        var bestScore = (Distinct: 0, Count: 0);
        for (var m = 0; m < words.Count; m++)
        {
            if (!matched[m])
            {
                continue;
            }
            var start = Math.Max(0, m - LeadIn);
            var run = Enumerable.Range(start, Math.Min(Words, words.Count - start)).Where(i => matched[i]).ToList();
            var score = (Distinct: run.Select(i => words[i].ToLowerInvariant()).Distinct().Count(), Count: run.Count);
            if (score.Distinct > bestScore.Distinct || (score.Distinct == bestScore.Distinct && score.Count > bestScore.Count))
            {
                (best, bestScore) = (start, score);
            }
        }
        return best;
    }

    /// <summary>Runs of letters and digits; an accent written as its own mark stays in its word.</summary>
    private static IEnumerable<(int Start, int End)> Spans(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var inWord = char.IsLetterOrDigit(text[i])
                || (start >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i);
                start = -1;
            }
        }
        if (start >= 0)
        {
            yield return (start, text.Length);
        }
    }

    // Imported stories keep their HTML; a tag's name and attributes are not words a reader wrote.
    private static string WithoutTags(string body) => body.Contains('<') ? Tag().Replace(body, " ") : body;

    [GeneratedRegex(@"<[^<>]{0,2000}>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}