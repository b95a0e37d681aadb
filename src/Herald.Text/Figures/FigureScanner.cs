using System.Globalization;

using Herald.Text.Segmentation;

namespace Herald.Text.Figures;

/// <summary>
/// Key figures written in digits: percentages, money (symbol or currency word, with scale) and counts
/// of things ("1,200 troops"). Years, dates, times, scores and ordinals are left alone.
/// </summary>
internal sealed partial class FigureScanner(ArticleContext article)
{
    private static readonly HashSet<string> NotCountNouns = new(
        ("of to and or per a an the in on at by from for with than percent per cent pc points point " +
         "am pm p.m a.m o'clock years-old th st nd rd").Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> CountModifiers = new(
        "more new young old additional extra other foreign local small large armed former full-time part-time".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private string Text => article.Text;

    private IReadOnlyList<Token> Tokens => article.Tokens;

    public List<Figure> Scan()
    {
        var figures = new List<Figure>();
        int sentenceIndex = 0;
        List<(int First, int Last)> periods = [];
        int periodSentence = -1;
        for (int i = 0; i < Tokens.Count; i++)
        {
            Token token = Tokens[i];
            if (!token.IsNumber || IsPartOfSomethingElse(i))
            {
                continue;
            }
            while (sentenceIndex + 1 < article.Sentences.Count && article.Sentences[sentenceIndex + 1].Start <= token.Start)
            {
                sentenceIndex++;
            }
            Figure? figure = Read(i, out int lastToken);
            if (figure is null)
            {
                continue;
            }
            if (sentenceIndex < article.Sentences.Count && periodSentence != sentenceIndex)
            {
                Sentence sentence = article.Sentences[sentenceIndex];
                periods = PeriodFinder.FindAll(Text, Tokens, Positions.FirstTokenAtOrAfter(Tokens, sentence.Start), Positions.FirstTokenAtOrAfter(Tokens, sentence.End));
                periodSentence = sentenceIndex;
            }
            figures.Add(figure with { Period = Nearest(periods, i, lastToken) });
            i = lastToken;
        }
        return figures;
    }

    private Figure? Read(int index, out int lastToken)
    {
        Token number = Tokens[index];
        lastToken = index;
        if (!TryParse(number.Span(Text), out double value))
        {
            return null;
        }
        int start = number.Start;
        string? currency = CurrencyBefore(index, ref start);
        int end = number.End;
        string? scale = null;
        int next = index + 1;
        if (next < Tokens.Count && Tokens[next].Start - end <= 1 && !Tokens[next].IsNumber)
        {
            bool glued = Tokens[next].Start == end;
            scale = Units.Scale(Tokens[next].Value(Text), glued && (currency is not null || Tokens[next].Length > 1));
            if (scale is not null)
            {
                end = Tokens[next].End;
                lastToken = next;
                next++;
            }
        }
        string unit;
        if (end < Text.Length && Text[end] == '%')
        {
            unit = "percent";
            end++;
        }
        else if (TryWordUnit(next, end, currency, out string? wordUnit, out int unitLast))
        {
            unit = wordUnit!;
            end = Tokens[unitLast].End;
            lastToken = unitLast;
        }
        else if (currency is not null)
        {
            unit = currency;
        }
        else if (scale is null && PeriodFinder.IsYear(Text, number))
        {
            return null;
        }
        else if (next < Tokens.Count && IsCountNoun(next, end))
        {
            unit = "count";
            // "1,500 more soldiers", "5,000 young people": one modifier, then the noun.
            if (CountModifiers.Contains(Tokens[next].Value(Text)) && next + 1 < Tokens.Count && IsCountNoun(next + 1, Tokens[next].End))
            {
                next++;
            }
            // "300 job cuts": a singular noun used as a modifier, then the plural it modifies.
            if (next + 1 < Tokens.Count && IsCompoundHead(next) && IsCountNoun(next + 1, Tokens[next].End))
            {
                next++;
            }
            end = Tokens[next].End;
            lastToken = next;
        }
        else if (scale is not null)
        {
            unit = "count";
        }
        else
        {
            return null;
        }
        return new Figure(TextSpans.Collapse(Text, start, end), value, unit, scale, null, start, end);
    }

    /// <summary>"percent", "per cent", "percentage points", or a currency word or code after the number.</summary>
    private bool TryWordUnit(int next, int end, string? currency, out string? unit, out int last)
    {
        unit = null;
        last = next;
        if (next >= Tokens.Count || Tokens[next].Start - end > 1)
        {
            return false;
        }
        string word = Tokens[next].Value(Text);
        if (word is "percent" or "pct" || (word == "per" && next + 1 < Tokens.Count && Tokens[next + 1].Span(Text) is "cent"))
        {
            unit = "percent";
            last = word == "per" ? next + 1 : next;
            return true;
        }
        if (word is "percentage" && next + 1 < Tokens.Count && Tokens[next + 1].Span(Text) is "points" or "point")
        {
            unit = "percentage points";
            last = next + 1;
            return true;
        }
        if (word is "US" or "U.S." && next + 1 < Tokens.Count && Tokens[next + 1].Span(Text) is "dollars" or "dollar")
        {
            unit = "USD";
            last = next + 1;
            return true;
        }
        if (next + 1 < Tokens.Count && Tokens[next + 1].Span(Text) is "dollars" or "dollar" && Units.DollarOf(word) is { } dollar)
        {
            unit = dollar;
            last = next + 1;
            return true;
        }
        string? code = Units.CurrencyOfWord(word);
        if (code is not null && (currency is null || currency == code))
        {
            unit = code;
            return true;
        }
        return false;
    }

    /// <summary>"$", "€", "US$", "USD " before the number; moves start back over it.</summary>
    private string? CurrencyBefore(int index, ref int start)
    {
        int position = start - 1;
        if (position >= 0 && Text[position] == ' ' && position - 1 >= 0 && Units.CurrencyOfSymbol(Text[position - 1]) is not null)
        {
            position--;
        }
        if (position >= 0 && Units.CurrencyOfSymbol(Text[position]) is { } symbol)
        {
            start = position;
            if (symbol == "USD" && position >= 2 && Text[position - 2] == 'U' && Text[position - 1] == 'S')
            {
                start = position - 2;
            }
            return symbol;
        }
        if (index > 0 && Tokens[index - 1].End == start - 1 && Units.CurrencyOfWord(Tokens[index - 1].Value(Text)) is { } code
            && Tokens[index - 1].IsAllCaps(Text))
        {
            start = Tokens[index - 1].Start;
            return code;
        }
        return null;
    }

    private bool IsCountNoun(int index, int numberEnd)
    {
        Token word = Tokens[index];
        if (word.IsNumber || word.Start - numberEnd != 1 || Text[numberEnd] != ' ')
        {
            return false;
        }
        string value = word.Value(Text);
        return char.IsLower(value[0]) && !NotCountNouns.Contains(value) && !PeriodFinder.Months.Contains(value);
    }

    /// <summary>Scores (3-1), times (10:30), ordinals (1st), dates (March 3) and numbers glued to words are not figures.</summary>
    private bool IsPartOfSomethingElse(int index)
    {
        Token token = Tokens[index];
        char before = token.Start > 0 ? Text[token.Start - 1] : ' ';
        char after = token.End < Text.Length ? Text[token.End] : ' ';
        if (char.IsLetter(before) || before is '-' or '–' or ':' or '/' || after is ':' or '/' or '–' || (after == '-' && token.End + 1 < Text.Length && char.IsDigit(Text[token.End + 1])))
        {
            return true;
        }
        if (index + 1 < Tokens.Count && Tokens[index + 1].Start == token.End)
        {
            string glued = Tokens[index + 1].Value(Text);
            if (glued is "st" or "nd" or "rd" or "th" or "s")
            {
                return true;
            }
        }
        bool afterMonth = index > 0 && Tokens[index - 1].End == token.Start - 1 && PeriodFinder.Months.Contains(Tokens[index - 1].Value(Text));
        bool beforeMonth = index + 1 < Tokens.Count && Tokens[index + 1].Start == token.End + 1 && PeriodFinder.Months.Contains(Tokens[index + 1].Value(Text));
        return afterMonth || beforeMonth;
    }

    private static readonly HashSet<string> NotPluralNouns = new(
        "was is has does this its as us his yes plus less across were".Split(' '), StringComparer.OrdinalIgnoreCase);

    private bool IsCompoundHead(int index)
    {
        string noun = Tokens[index].Value(Text);
        string following = Tokens[index + 1].Value(Text);
        return !noun.EndsWith('s') && following.Length > 3 && following.EndsWith('s') && !following.EndsWith("ss", StringComparison.Ordinal)
            && !NotPluralNouns.Contains(following);
    }

    private static bool TryParse(ReadOnlySpan<char> digits, out double value)
    {
        Span<char> buffer = stackalloc char[Math.Min(digits.Length, 64)];
        int length = 0;
        for (int i = 0; i < digits.Length && length < buffer.Length; i++)
        {
            char c = digits[i];
            if (c == ',')
            {
                // "1,200" groups thousands; "1,5" is a decimal comma.
                int digitsAfter = 0;
                for (int j = i + 1; j < digits.Length && char.IsAsciiDigit(digits[j]); j++)
                {
                    digitsAfter++;
                }
                if (digitsAfter != 3)
                {
                    buffer[length++] = '.';
                }
                continue;
            }
            buffer[length++] = c;
        }
        return double.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}