namespace Herald.Text.Quotes;

/// <summary>A quotation as scanned, before deciding whether it is a statement and who made it.</summary>
internal sealed class RawQuote
{
    public required int Start { get; init; }

    public int End { get; set; }

    public char OpenMark { get; init; }

    /// <summary>Inner text ranges, one per paragraph the quotation spans.</summary>
    public List<(int Start, int End)> Pieces { get; } = [];

    public bool MissingOpen { get; init; }

    public bool MissingClose { get; set; }

    public bool Mismatched { get; set; }

    public int WordCount(string text)
    {
        int words = 0;
        foreach ((int start, int end) in Pieces)
        {
            words += Segmentation.ParagraphSplitter.CountWords(text, start, end);
        }
        return words;
    }

    public string InnerText(string text)
    {
        var parts = new List<string>(Pieces.Count);
        foreach ((int start, int end) in Pieces)
        {
            string part = TextSpans.Collapse(text, start, end);
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }
        return string.Join(' ', parts);
    }
}