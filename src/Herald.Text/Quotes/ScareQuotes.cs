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
}