namespace Herald.Text.Markdown;

/// <summary>
/// The article with Markdown syntax blanked out by spaces. Because every character keeps its
/// index, anything found in the masked text points straight back into the original.
/// </summary>
internal sealed class MarkdownMask
{
    public required string Text { get; init; }

    /// <summary>Start offsets of lines that were Markdown headings (# ...).</summary>
    public required HashSet<int> HeadingLineStarts { get; init; }

    /// <summary>Start offsets of lines that were Markdown list items; short as they are, they are not headings.</summary>
    public required HashSet<int> ListLineStarts { get; init; }

    /// <summary>Ranges the editor wrote as code or URLs; prose checks skip them.</summary>
    public required List<(int Start, int End)> Verbatim { get; init; }

    public static MarkdownMask Build(string original)
    {
        char[] masked = original.ToCharArray();
        var headings = new HashSet<int>();
        var listItems = new HashSet<int>();
        var verbatim = new List<(int, int)>();
        bool inFence = false;
        int lineStart = 0;
        while (lineStart <= original.Length)
        {
            int lineEnd = original.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = original.Length;
            }
            int contentStart = SkipSpaces(original, lineStart, lineEnd);
            if (StartsWith(original, contentStart, lineEnd, "```") || StartsWith(original, contentStart, lineEnd, "~~~"))
            {
                inFence = !inFence;
                Blank(masked, lineStart, lineEnd);
                verbatim.Add((lineStart, lineEnd));
            }
            else if (inFence)
            {
                Blank(masked, lineStart, lineEnd);
                verbatim.Add((lineStart, lineEnd));
            }
            else
            {
                int bodyStart = MaskLinePrefix(original, masked, contentStart, lineEnd, out bool isHeading, out bool isListItem);
                if (isHeading)
                {
                    headings.Add(lineStart);
                }
                if (isListItem)
                {
                    listItems.Add(lineStart);
                }
                InlineMask.Apply(original, masked, bodyStart, lineEnd, verbatim);
            }
            if (lineEnd >= original.Length)
            {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return new MarkdownMask { Text = new string(masked), HeadingLineStarts = headings, ListLineStarts = listItems, Verbatim = verbatim };
    }

    /// <summary>Blanks heading hashes, block quote markers, list bullets and rules; returns where prose starts.</summary>
    private static int MaskLinePrefix(string text, char[] masked, int start, int end, out bool isHeading, out bool isListItem)
    {
        isHeading = false;
        isListItem = false;
        int position = start;
        // Block quotes can nest ("> > text").
        while (position < end && text[position] == '>')
        {
            masked[position] = ' ';
            position = SkipSpaces(text, position + 1, end);
        }
        int hashes = 0;
        while (position + hashes < end && text[position + hashes] == '#')
        {
            hashes++;
        }
        if (hashes is > 0 and <= 6 && (position + hashes == end || text[position + hashes] == ' '))
        {
            isHeading = true;
            Blank(masked, position, position + hashes);
            return SkipSpaces(text, position + hashes, end);
        }
        if (IsHorizontalRule(text, position, end))
        {
            Blank(masked, position, end);
            return end;
        }
        if (position + 1 < end && text[position] is '-' or '*' or '+' && text[position + 1] == ' ')
        {
            masked[position] = ' ';
            isListItem = true;
            return position + 2;
        }
        int digits = 0;
        while (position + digits < end && char.IsAsciiDigit(text[position + digits]) && digits < 9)
        {
            digits++;
        }
        if (digits > 0 && position + digits + 1 < end && text[position + digits] is '.' or ')' && text[position + digits + 1] == ' ')
        {
            Blank(masked, position, position + digits + 1);
            isListItem = true;
            return position + digits + 2;
        }
        return position;
    }

    private static bool IsHorizontalRule(string text, int start, int end)
    {
        int marks = 0;
        char mark = '\0';
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is ' ' or '\r')
            {
                continue;
            }
            if (c is not ('-' or '*' or '_') || (mark != '\0' && c != mark))
            {
                return false;
            }
            mark = c;
            marks++;
        }
        return marks >= 3;
    }

    internal static void Blank(char[] masked, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (masked[i] != '\r')
            {
                masked[i] = ' ';
            }
        }
    }

    private static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && text[position] is ' ' or '\t')
        {
            position++;
        }
        return position;
    }

    private static bool StartsWith(string text, int position, int end, string prefix) =>
        end - position >= prefix.Length && string.CompareOrdinal(text, position, prefix, 0, prefix.Length) == 0;
}