namespace Herald.Text.Markdown;

/// <summary>Blanks inline Markdown: emphasis markers, code spans, link syntax, URLs and HTML tags.</summary>
internal static class InlineMask
{
    public static void Apply(string text, char[] masked, int start, int end, List<(int, int)> verbatim)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < end && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] != ' ':
                    masked[i] = ' ';
                    i += 2;
                    continue;
                case '`':
                    i = MaskCodeSpan(text, masked, i, end, verbatim);
                    continue;
                case '*':
                    masked[i] = ' ';
                    break;
                case '~' when i + 1 < end && text[i + 1] == '~':
                    masked[i] = ' ';
                    masked[i + 1] = ' ';
                    i += 2;
                    continue;
                case '_' when IsEmphasisUnderscore(text, i, start, end):
                    masked[i] = ' ';
                    break;
                case '!' when i + 1 < end && text[i + 1] == '[':
                    masked[i] = ' ';
                    break;
                case '[':
                    i = MaskLink(text, masked, i, end, verbatim);
                    continue;
                case '<':
                    i = MaskAngle(text, masked, i, end, verbatim);
                    continue;
                case 'h' when IsUrlStart(text, i, end):
                    i = MaskUntilSpace(text, masked, i, end, verbatim);
                    continue;
            }
            i++;
        }
    }

    /// <summary>snake_case words keep their underscores; only word-edge underscores are emphasis.</summary>
    private static bool IsEmphasisUnderscore(string text, int i, int start, int end)
    {
        bool letterBefore = i > start && char.IsLetterOrDigit(text[i - 1]);
        bool letterAfter = i + 1 < end && char.IsLetterOrDigit(text[i + 1]);
        return !(letterBefore && letterAfter);
    }

    private static int MaskCodeSpan(string text, char[] masked, int i, int end, List<(int, int)> verbatim)
    {
        int close = text.IndexOf('`', i + 1, end - i - 1);
        if (close < 0)
        {
            masked[i] = ' ';
            return i + 1;
        }
        MarkdownMask.Blank(masked, i, close + 1);
        verbatim.Add((i, close + 1));
        return close + 1;
    }

    /// <summary>[words](target): the words stay, brackets and target go.</summary>
    private static int MaskLink(string text, char[] masked, int i, int end, List<(int, int)> verbatim)
    {
        int closeBracket = text.IndexOf(']', i + 1, end - i - 1);
        if (closeBracket < 0 || closeBracket + 1 >= end || text[closeBracket + 1] != '(')
        {
            return i + 1;
        }
        int closeParen = text.IndexOf(')', closeBracket + 1, end - closeBracket - 1);
        if (closeParen < 0)
        {
            return i + 1;
        }
        masked[i] = ' ';
        MarkdownMask.Blank(masked, closeBracket, closeParen + 1);
        verbatim.Add((closeBracket, closeParen + 1));
        // The link words may themselves hold emphasis.
        Apply(text, masked, i + 1, closeBracket, verbatim);
        return closeParen + 1;
    }

    private static int MaskAngle(string text, char[] masked, int i, int end, List<(int, int)> verbatim)
    {
        if (i + 1 >= end || !(char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/'))
        {
            return i + 1;
        }
        int close = text.IndexOf('>', i + 1, end - i - 1);
        if (close < 0 || close - i > 200)
        {
            return i + 1;
        }
        MarkdownMask.Blank(masked, i, close + 1);
        verbatim.Add((i, close + 1));
        return close + 1;
    }

    private static bool IsUrlStart(string text, int i, int end) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && (Has(text, i, end, "http://") || Has(text, i, end, "https://"));

    private static bool Has(string text, int i, int end, string prefix) =>
        end - i >= prefix.Length && string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0;

    private static int MaskUntilSpace(string text, char[] masked, int i, int end, List<(int, int)> verbatim)
    {
        int stop = i;
        while (stop < end && !char.IsWhiteSpace(text[stop]) && text[stop] is not (')' or '>'))
        {
            stop++;
        }
        MarkdownMask.Blank(masked, i, stop);
        verbatim.Add((i, stop));
        return stop;
    }
}