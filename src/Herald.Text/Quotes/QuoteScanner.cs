using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>
/// Pairs quotation marks paragraph by paragraph. A paragraph that leaves a quotation open continues it
/// when the next paragraph opens with a quote mark, as news style does; otherwise the quotation is
/// damaged (no closing mark). A closing mark with nothing open is a quotation missing its opening mark.
/// </summary>
internal sealed class QuoteScanner(string text, IReadOnlyList<Paragraph> paragraphs, List<Check> checks)
{
    private readonly List<RawQuote> _quotes = [];
    private RawQuote? _open;
    private int _pieceStart;

    public static List<RawQuote> Scan(string text, IReadOnlyList<Paragraph> paragraphs, List<Check> checks)
    {
        var scanner = new QuoteScanner(text, paragraphs, checks);
        for (int p = 0; p < paragraphs.Count; p++)
        {
            scanner.ScanParagraph(p);
        }
        scanner.CloseUnfinished(paragraphs.Count > 0 ? paragraphs[^1].End : 0);
        return scanner._quotes;
    }

    private void ScanParagraph(int index)
    {
        Paragraph paragraph = paragraphs[index];
        int i = paragraph.Start;
        if (_open is not null)
        {
            if (QuoteMarks.OpensHere(text, i, paragraph.Start))
            {
                _pieceStart = i + 1;
                i++;
            }
            else
            {
                CloseUnfinished(paragraphs[index - 1].End);
            }
        }
        int lastQuoteEnd = paragraph.Start;
        for (; i < paragraph.End; i++)
        {
            char c = text[i];
            if (!QuoteMarks.IsMark(c))
            {
                continue;
            }
            if (_open is null)
            {
                if (QuoteMarks.OpensHere(text, i, paragraph.Start))
                {
                    _open = new RawQuote { Start = i, OpenMark = c };
                    _pieceStart = i + 1;
                }
                else if (QuoteMarks.IsClosingMark(c) && !(paragraph.IsHeading && i == paragraph.Start))
                {
                    AddMissingOpen(lastQuoteEnd, i);
                    lastQuoteEnd = i + 1;
                }
                continue;
            }
            if (QuoteMarks.Closes(_open.OpenMark, c) || (_open.OpenMark == '“' && c == '“' && QuoteMarks.LooksClosing(text, i, paragraph.End)))
            {
                _open.Mismatched = !QuoteMarks.Closes(_open.OpenMark, c);
                Finish(i);
                lastQuoteEnd = i + 1;
            }
            else if (QuoteMarks.IsClosingMark(c) && QuoteMarks.LooksClosing(text, i, paragraph.End))
            {
                _open.Mismatched = true;
                Finish(i);
                lastQuoteEnd = i + 1;
            }
            else
            {
                checks.Add(new Check("quote-unbalanced", "A second opening quotation mark inside a quotation that is still open.", i, i + 1));
            }
        }
        if (_open is not null)
        {
            _open.Pieces.Add((_pieceStart, paragraph.End));
            _open.End = paragraph.End;
        }
    }

    private void Finish(int closeMark)
    {
        RawQuote quote = _open!;
        quote.Pieces.Add((_pieceStart, closeMark));
        quote.End = closeMark + 1;
        _quotes.Add(quote);
        if (quote.Mismatched)
        {
            checks.Add(new Check("quote-mismatched", $"Quotation opened with {quote.OpenMark} is closed with {text[closeMark]}.", quote.Start, quote.End));
        }
        _open = null;
    }

    private void CloseUnfinished(int end)
    {
        if (_open is null)
        {
            return;
        }
        _open.MissingClose = true;
        if (_open.Pieces.Count == 0)
        {
            _open.Pieces.Add((_pieceStart, end));
        }
        _open.End = Math.Max(_open.End, end);
        _quotes.Add(_open);
        checks.Add(new Check("quote-unbalanced", "Quotation is opened but never closed.", _open.Start, _open.End));
        _open = null;
    }

    /// <summary>Text before a stray closing mark is taken as the quotation, from the paragraph start or the previous quotation.</summary>
    private void AddMissingOpen(int from, int closeMark)
    {
        int start = from;
        while (start < closeMark && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        if (closeMark - start < 2)
        {
            checks.Add(new Check("quote-unbalanced", "Closing quotation mark without an opening one.", closeMark, closeMark + 1));
            return;
        }
        var quote = new RawQuote { Start = start, End = closeMark + 1, OpenMark = '\0', MissingOpen = true };
        quote.Pieces.Add((start, closeMark));
        _quotes.Add(quote);
        checks.Add(new Check("quote-unbalanced", "Quotation is closed but its opening mark is missing.", start, closeMark + 1));
    }
}