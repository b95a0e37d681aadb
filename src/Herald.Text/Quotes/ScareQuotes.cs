namespace Herald.Text.Quotes;

/// <summary>
/// A short quoted term set inside running prose ("special military operation", "paper tiger") marks
/// wording, not a statement. Statements end with their own punctuation or are long.
/// </summary>
internal static class ScareQuotes
{
    private const int MaxWords = 4;

    public static bool IsScareQuote(string text, RawQuote quote)
    {
        if (quote.MissingOpen || quote.MissingClose || quote.Pieces.Count != 1 || quote.WordCount(text) > MaxWords)
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
        return char.IsLetterOrDigit(before) || before is ')' or '\'' or '’';
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