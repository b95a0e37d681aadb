namespace Herald.Text.Quotes;

/// <summary>Which characters open and close quotations, and which pairs belong together.</summary>
internal static class QuoteMarks
{
    public static bool IsMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»' or '‹' or '›';

    /// <summary>Whether a mark at this position opens a quotation when none is open.</summary>
    public static bool OpensHere(string text, int i, int paragraphStart)
    {
        char c = text[i];
        if (c is '“' or '„' or '«' or '‹')
        {
            return true;
        }
        if (c != '"')
        {
            return false;
        }
        // A straight quote opens after a space or at a paragraph start and before a word.
        bool spaceBefore = i == paragraphStart || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or ':';
        bool wordAfter = i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
        return spaceBefore && wordAfter;
    }

    public static bool IsClosingMark(char c) => c is '”' or '»' or '"' or '›';

    /// <summary>The mark that properly closes a quotation opened with the given mark.</summary>
    public static bool Closes(char opener, char closer) => opener switch
    {
        '“' => closer == '”',
        '„' => closer is '“' or '”',
        '«' => closer == '»',
        // Swiss and French copy quote within quotes, or quote at all, with single guillemets.
        '‹' => closer == '›',
        '"' => closer == '"',
        _ => false,
    };

    /// <summary>Looks like the end of a quotation: after a non-space and before a space, punctuation or the end.</summary>
    public static bool LooksClosing(string text, int i, int end)
    {
        bool afterWord = i > 0 && !char.IsWhiteSpace(text[i - 1]);
        bool beforeBreak = i + 1 >= end || char.IsWhiteSpace(text[i + 1]) || char.IsPunctuation(text[i + 1]);
        return afterWord && beforeBreak;
    }
}