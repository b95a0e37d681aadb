using Herald.Text.Segmentation;

namespace Herald.Text.Figures;

/// <summary>Time expressions a figure can refer to: "in 2023", "last year", "in the first quarter", "in March".</summary>
internal static class PeriodFinder
{
    private static readonly HashSet<string> Prepositions = new(
        "in since by until during for over through".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Relative = new(
        "last this next past previous coming current".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Ordinals = new(
        "first second third fourth final last past previous latest".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Units = new(
        ("year years month months week weeks quarter quarters half decade season summer winter spring autumn " +
         "fall day days century").Split(' '), StringComparer.OrdinalIgnoreCase);

    internal static readonly HashSet<string> Months = new(
        "January February March April May June July August September October November December".Split(' '),
        StringComparer.Ordinal);

    /// <summary>All period expressions in the token range, as (first token, last token).</summary>
    public static List<(int First, int Last)> FindAll(string text, IReadOnlyList<Token> tokens, int first, int end)
    {
        var found = new List<(int, int)>();
        for (int i = first; i < end; i++)
        {
            int last = Match(text, tokens, i, end);
            if (last >= i)
            {
                found.Add((i, last));
                i = last;
            }
        }
        return found;
    }

    private static int Match(string text, IReadOnlyList<Token> tokens, int i, int end)
    {
        ReadOnlySpan<char> word = tokens[i].Span(text);
        if (tokens[i].IsNumber || word.Length > 8 || word.Length < 2)
        {
            return -1;
        }
        if (Relative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && i + 1 < end && Units.Contains(tokens[i + 1].Value(text)))
        {
            return i + 1;
        }
        if (!Prepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || i + 1 >= end)
        {
            return -1;
        }
        Token next = tokens[i + 1];
        string nextWord = next.Value(text);
        if (IsYear(text, next))
        {
            // Fiscal and season years: "2026-27", "2023/24".
            bool span = i + 2 < end && tokens[i + 2].IsNumber && tokens[i + 2].Start == next.End + 1
                && text[next.End] is '-' or '–' or '/';
            return span ? i + 2 : i + 1;
        }
        if (Months.Contains(nextWord) || (nextWord.Length == 2 && nextWord[0] == 'Q' && char.IsDigit(nextWord[1])))
        {
            return i + 2 < end && IsYear(text, tokens[i + 2]) ? i + 2 : i + 1;
        }
        if (nextWord == "the" && i + 3 < end && IsCountOfUnits(text, tokens[i + 2]) && Units.Contains(tokens[i + 3].Value(text)))
        {
            // "in the three months to June", "over the past 12 months"
            int last = i + 3;
            if (last + 2 < end && tokens[last + 1].Span(text) is "to" or "through" or "ending" && Months.Contains(tokens[last + 2].Value(text)))
            {
                last += 2;
            }
            return last;
        }
        if (nextWord == "the" && i + 3 < end && Ordinals.Contains(tokens[i + 2].Value(text)) && Units.Contains(tokens[i + 3].Value(text)))
        {
            int last = i + 3;
            if (last + 2 < end && tokens[last + 1].Span(text) is "of" && IsYear(text, tokens[last + 2]))
            {
                last += 2;
            }
            return last;
        }
        return -1;
    }

    private static readonly HashSet<string> CountWords = new(
        "two three four five six seven eight nine ten eleven twelve".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static bool IsCountOfUnits(string text, Token token) =>
        (token.IsNumber && token.Length <= 3) || CountWords.Contains(token.Value(text));

    public static bool IsYear(string text, Token token)
    {
        if (!token.IsNumber || token.Length != 4)
        {
            return false;
        }
        for (int i = token.Start; i < token.End; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        int year = (text[token.Start] - '0') * 1000 + (text[token.Start + 1] - '0') * 100
            + (text[token.Start + 2] - '0') * 10 + (text[token.Start + 3] - '0');
        return year is >= 1900 and <= 2100;
    }
}