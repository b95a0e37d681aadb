using System.Globalization;

namespace Herald.Articles;

/// <summary>
/// Limits on the shape of a Markdown body, checked in one pass before Markdig sees it. Markdig
/// throws on deep nesting (quotes and lists about 64 to 128 levels down), and its work on one
/// paragraph grows with the square of the emphasis marks, link brackets and web addresses in
/// it: a 30 KB table with bold in every cell takes seconds. Checking first turns both into a
/// message naming the line, and keeps rendering linear in the length of the body. The limits
/// are far beyond anything written by hand; the count can only overestimate what Markdig sees
/// (code spans are not told apart), which errs on the side of refusing a freak body.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Quotes and list levels around one line, together.</summary>
    public const int MaxNesting = 32;

    /// <summary>Emphasis marks, link brackets and web addresses in one paragraph, list item, table or figure.</summary>
    public const int MaxMarksPerBlock = 256;

    /// <summary>The longest run of one emphasis character (each pair nests one more level).</summary>
    public const int MaxRun = 32;

    /// <summary>A problem in words for the person who wrote the body, or null when Markdig may render it.</summary>
    public static string? Check(string markdown)
    {
        var lists = new Stack<int>();
        var marks = 0;
        var blockStart = 0;
        char fence = '\0';
        var fenceLength = 0;
        var inFigure = false;
        var lineNumber = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (fence != '\0')
            {
                // Code is not Markdown: only the closing fence matters, whatever the lines look like.
                var code = line.TrimStart(" \t>");
                if (FenceRun(code, fence) >= fenceLength && code.TrimStart(fence).IsWhiteSpace())
                {
                    fence = '\0';
                }
                continue;
            }
            var (nesting, textStart, startsBlock) = Containers(line, lists);
            var rest = line[textStart..];
            if (nesting > MaxNesting)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Line {lineNumber} of the body nests quotes and lists {nesting} levels deep; Herald renders at most {MaxNesting}. Flatten the quotes or lists there.");
            }
            if (inFigure)
            {
                // A figure's lines are raw until its closing fence: no fence, heading or blank line
                // inside it starts anything, and all its caption lines are rendered as one piece.
                if (Figures.Figure.IsClosing(rest))
                {
                    inFigure = false;
                    marks = 0;
                    continue;
                }
            }
            else if (Figures.Figure.IsOpening(rest))
            {
                inFigure = true;
                marks = 0;
                blockStart = lineNumber;
                continue;
            }
            else if (rest.IsWhiteSpace() || startsBlock || IsHeading(rest) || IsThematicBreak(rest))
            {
                marks = 0;
                blockStart = lineNumber;
            }
            if (!inFigure && FenceOpening(rest) is { } opening)
            {
                (fence, fenceLength) = opening;
                continue;
            }
            var (lineMarks, longestRun) = CountMarks(rest);
            if (longestRun > MaxRun)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Line {lineNumber} of the body has {longestRun} emphasis marks in a row; Herald reads at most {MaxRun}. Remove some of them.");
            }
            marks += lineMarks;
            if (marks > MaxMarksPerBlock && inFigure)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"The figure starting at line {blockStart} of the body has more than {MaxMarksPerBlock} emphasis marks, link brackets and web addresses in its caption and credit; Herald renders at most {MaxMarksPerBlock} in one figure. Shorten the caption, or close the figure with a line of three colons (:::).");
            }
            if (marks > MaxMarksPerBlock)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"The paragraph or table starting at line {Math.Max(1, blockStart)} of the body has more than {MaxMarksPerBlock} emphasis marks, link brackets and web addresses; Herald renders at most {MaxMarksPerBlock} in one paragraph or table. Split it with a blank line, or make it shorter.");
            }
        }
        return null;
    }

    /// <summary>
    /// The quotes and list items a line opens or continues, and the text after their markers. List
    /// levels are told by indentation: a line whose text starts left of an item's text has left
    /// that item (lazy continuation lines are taken as leaving, which can only undercount).
    /// </summary>
    private static (int Nesting, int TextStart, bool StartsBlock) Containers(ReadOnlySpan<char> line, Stack<int> lists)
    {
        var quotes = 0;
        var position = 0;
        var column = 0;
        var startsBlock = false;
        var placed = line.IsWhiteSpace();
        while (true)
        {
            while (position < line.Length && line[position] is ' ' or '\t')
            {
                column += line[position] == '\t' ? 4 - (column % 4) : 1;
                position++;
            }
            if (position >= line.Length)
            {
                break;
            }
            if (line[position] == '>')
            {
                quotes++;
                position++;
                column++;
                continue;
            }
            if (!placed)
            {
                placed = true;
                while (lists.Count > 0 && lists.Peek() > column)
                {
                    lists.Pop();
                }
            }
            var marker = ListMarkerLength(line[position..]);
            if (marker == 0 || IsThematicBreak(line[position..]))
            {
                break;
            }
            position += marker;
            column += marker;
            lists.Push(column + 1);
            startsBlock = true;
        }
        return (quotes + lists.Count, position, startsBlock);
    }

    /// <summary>"- ", "* ", "+ ", "1. " or "1) " (up to nine digits); the length of the marker without the space.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> text)
    {
        if (text.Length >= 1 && text[0] is '-' or '*' or '+')
        {
            return text.Length == 1 || text[1] is ' ' or '\t' ? 1 : 0;
        }
        var digits = 0;
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits == 0 || digits >= text.Length || text[digits] is not ('.' or ')'))
        {
            return 0;
        }
        return digits + 1 == text.Length || text[digits + 1] is ' ' or '\t' ? digits + 1 : 0;
    }

    private static bool IsHeading(ReadOnlySpan<char> rest)
    {
        var text = rest.TrimStart(' ');
        var hashes = text.Length - text.TrimStart('#').Length;
        return hashes is >= 1 and <= 6 && (text.Length == hashes || text[hashes] is ' ' or '\t');
    }

    /// <summary>"***", "- - -", "___": a line of one of those characters, three or more, and spaces.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> rest)
    {
        var text = rest.Trim();
        if (text.Length < 3 || text[0] is not ('-' or '*' or '_'))
        {
            return false;
        }
        var count = 0;
        foreach (var c in text)
        {
            if (c == text[0])
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
        return count >= 3;
    }

    private static (char Fence, int Length)? FenceOpening(ReadOnlySpan<char> rest)
    {
        var text = rest.TrimStart(' ');
        if (text.Length < 3 || text[0] is not ('`' or '~'))
        {
            return null;
        }
        var run = FenceRun(text, text[0]);
        return run >= 3 ? (text[0], run) : null;
    }

    private static int FenceRun(ReadOnlySpan<char> rest, char fence)
    {
        var text = rest.TrimStart(' ');
        return text.Length - text.TrimStart(fence).Length;
    }

    /// <summary>
    /// The marks Markdig keeps open while it reads a paragraph: runs of emphasis characters that
    /// can open or close (the extras ~ ^ ++ == included), "[" of links and images, and web
    /// addresses its autolinker looks at; and the longest run of one emphasis character.
    /// </summary>
    private static (int Marks, int LongestRun) CountMarks(ReadOnlySpan<char> text)
    {
        var marks = 0;
        var longest = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    marks++;
                    break;
                case '*' or '_' or '~' or '^' or '+' or '=':
                    var end = i;
                    while (end < text.Length && text[end] == c)
                    {
                        end++;
                    }
                    var run = end - i;
                    var before = i > 0 ? text[i - 1] : ' ';
                    var after = end < text.Length ? text[end] : ' ';
                    var flanking = !(char.IsWhiteSpace(before) && char.IsWhiteSpace(after));
                    var intraword = c == '_' && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after);
                    var counts = c is '+' or '=' ? run >= 2 : true;
                    if (flanking && !intraword && counts)
                    {
                        marks++;
                        longest = Math.Max(longest, run);
                    }
                    i = end - 1;
                    break;
                case ':' when i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/':
                    marks++;
                    break;
                case 'w' or 'W' when i + 3 < text.Length && text.Slice(i, 4).Equals("www.", StringComparison.OrdinalIgnoreCase)
                    && (i == 0 || !char.IsLetterOrDigit(text[i - 1])):
                    marks++;
                    break;
            }
        }
        return (marks, longest);
    }
}