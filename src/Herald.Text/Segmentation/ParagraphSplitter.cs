using Herald.Text.Markdown;

namespace Herald.Text.Segmentation;

/// <summary>
/// Paragraphs are blocks separated by blank lines. A single line break also ends a paragraph when
/// the line reads as finished (ends a sentence, or is a heading or list item), because articles
/// pasted from editors often use one line per paragraph; otherwise it is a soft wrap.
/// </summary>
internal static class ParagraphSplitter
{
    private const int HeadingMaxWords = 12;

    public static List<Paragraph> Split(MarkdownMask mask)
    {
        string text = mask.Text;
        var paragraphs = new List<Paragraph>();
        int blockStart = -1;
        int blockEnd = -1;
        bool blockIsMarkdownHeading = false;
        bool blockIsListItem = false;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }
            (int contentStart, int contentEnd) = Trim(text, lineStart, lineEnd);
            bool blank = contentStart >= contentEnd;
            bool heading = mask.HeadingLineStarts.Contains(lineStart);
            if (blank || heading || (blockStart >= 0 && EndsParagraph(text, blockEnd, blockIsMarkdownHeading)))
            {
                Close(text, paragraphs, ref blockStart, blockEnd, blockIsMarkdownHeading, blockIsListItem);
            }
            if (!blank)
            {
                if (blockStart < 0)
                {
                    blockStart = contentStart;
                    blockIsMarkdownHeading = heading;
                    blockIsListItem = mask.ListLineStarts.Contains(lineStart);
                }
                blockEnd = contentEnd;
            }
            if (lineEnd >= text.Length)
            {
                break;
            }
            lineStart = lineEnd + 1;
        }
        Close(text, paragraphs, ref blockStart, blockEnd, blockIsMarkdownHeading, blockIsListItem);
        if (paragraphs.Count > 0 && paragraphs[^1].IsHeading && !blockIsMarkdownHeading)
        {
            // A heading heads something; a short last line is the end of the story.
            paragraphs[^1] = paragraphs[^1] with { IsHeading = false };
        }
        return paragraphs;
    }

    private static void Close(string text, List<Paragraph> paragraphs, ref int start, int end, bool markdownHeading, bool listItem)
    {
        if (start < 0)
        {
            return;
        }
        bool heading = markdownHeading || (!listItem && LooksLikeStandaloneHeading(text, start, end));
        paragraphs.Add(new Paragraph(start, end, heading));
        start = -1;
    }

    /// <summary>A previous line that ends like a finished sentence or is short closes its paragraph.</summary>
    private static bool EndsParagraph(string text, int previousLineEnd, bool previousIsHeading)
    {
        if (previousIsHeading || previousLineEnd <= 0)
        {
            return true;
        }
        char last = text[previousLineEnd - 1];
        if (last is '.' or '!' or '?' or '"' or '”' or '“' or '»' or '›' or ':' or '…' or '。')
        {
            return true;
        }
        int lineStart = text.LastIndexOf('\n', previousLineEnd - 1) + 1;
        return previousLineEnd - lineStart < 60;
    }

    private static bool LooksLikeStandaloneHeading(string text, int start, int end)
    {
        if (text.IndexOf('\n', start, end - start) >= 0)
        {
            return false;
        }
        char last = text[end - 1];
        if (last is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '”' or '“' or '»' or '›' or '…')
        {
            return false;
        }
        return CountWords(text, start, end) <= HeadingMaxWords;
    }

    internal static int CountWords(string text, int start, int end)
    {
        int words = 0;
        bool inWord = false;
        for (int i = start; i < end; i++)
        {
            bool letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
            }
            inWord = letter || (inWord && text[i] is '\'' or '’' or '-');
        }
        return words;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }
}