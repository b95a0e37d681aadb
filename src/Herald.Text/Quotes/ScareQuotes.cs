namespace Herald.Text.Quotes;

/// <summary>
/// A quoted term or phrase woven into running prose ("special military operation", "paper tiger",
/// said the raid was "a warning to every newsroom") marks wording, not a statement of its own.
/// Statements stand apart: after a cue, comma or colon, or ending with their own punctuation.
/// </summary>
internal static class ScareQuotes
{
    private const int MaxWords = 4;

    public static bool IsScareQuote(string text, RawQuote quote)
    {
        if (quote.MissingOpen || quote.MissingClose || quote.Pieces.Count != 1)
        {
            return false;
        }
        (int start, int end) = quote.Pieces[0];
        char last = LastNonSpace(text, start, end);
        if (last is '.' or ',' or '!' or '?' or '…' or ';' or ':' or '\0')
        {
            return false;
        }
        if (IsTitle(text, quote, start, end))
        {
            return true;
        }
        // After a colon or at a sentence start a short quotation is a statement ("He said: "No"").
        char before = LastNonSpace(text, Math.Max(0, quote.Start - 40), quote.Start);
        bool woven = char.IsLetterOrDigit(before) || before is ')' or '\'' or '’';
        if (!woven)
        {
            return false;
        }
        // 'said "We will study it"' is a statement even without a comma; long woven phrases need no cue.
        return quote.WordCount(text) <= MaxWords || !CueRightBefore(text, quote.Start);
    }

    private static bool CueRightBefore(string text, int openMark)
    {
        int end = openMark;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        return start < end && Cues.IsCueWord(text.AsSpan(start, end - start));
    }

    private static char LastNonSpace(string text, int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }
        return '\0';
    }

    /// <summary>
    /// '"Shipping Forecast" is all rolling drums': a song, film or book title names a work. It stands in title case, two
    /// to six words without punctuation of their own, and a verb or the sentence goes on after it in lower case, not after
    /// a colon or a cue ('He said: "Not Today"' stays a statement).
    /// </summary>
    private static bool IsTitle(string text, RawQuote quote, int start, int end)
    {
        int words = quote.WordCount(text);
        if (words is < 2 or > 6)
        {
            return false;
        }
        bool atWordStart = true;
        int capitalised = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                atWordStart = true;
                continue;
            }
            if (!char.IsLetterOrDigit(c) && c is not ('\'' or '’' or '-' or '&'))
            {
                return false;
            }
            if (atWordStart && char.IsUpper(c))
            {
                capitalised++;
            }
            else if (atWordStart && !IsMinorTitleWord(text, i, end))
            {
                return false;
            }
            atWordStart = false;
        }
        char before = LastNonSpace(text, Math.Max(0, quote.Start - 40), quote.Start);
        if (capitalised < 2 || before is ':' || CueRightBefore(text, quote.Start))
        {
            return false;
        }
        int after = quote.End;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }
        return after < text.Length && (char.IsLower(text[after]) || text[after] is ';' or ',')
            && !CueAt(text, after);
    }

    /// <summary>Articles, conjunctions and short prepositions that title case leaves in lower case ("Songs of the Sea").</summary>
    private static bool IsMinorTitleWord(string text, int at, int end)
    {
        int stop = at;
        while (stop < end && char.IsLetter(text[stop]))
        {
            stop++;
        }
        return text.AsSpan(at, stop - at) is "a" or "an" or "the" or "of" or "and" or "in" or "on" or "to" or "for" or "at" or "by" or "or";
    }

    private static bool CueAt(string text, int start)
    {
        int stop = start;
        while (stop < text.Length && char.IsLetter(text[stop]))
        {
            stop++;
        }
        return stop > start && Cues.IsCueWord(text.AsSpan(start, stop - start));
    }
}