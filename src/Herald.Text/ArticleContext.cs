using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text;

/// <summary>What every analysis stage shares: the masked text and its segmentation.</summary>
internal sealed class ArticleContext
{
    /// <summary>The article with Markdown blanked out; same length and offsets as the original.</summary>
    public required string Text { get; init; }

    public required IReadOnlyList<Paragraph> Paragraphs { get; init; }

    public required IReadOnlyList<Sentence> Sentences { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    public EntityIndex Entities { get; set; } = EntityIndex.Empty;

    /// <summary>Spans of direct quotations, sorted; words inside them are the speaker's, not the narrator's.</summary>
    public List<(int Start, int End)> QuoteSpans { get; } = [];

    /// <summary>End of the last quotation that ends at or before position; 0 if none.</summary>
    public int PreviousQuoteEnd(int position)
    {
        int low = 0;
        int high = QuoteSpans.Count - 1;
        int found = 0;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (QuoteSpans[middle].End <= position)
            {
                found = Math.Max(found, QuoteSpans[middle].End);
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    public bool InsideQuote(int position)
    {
        int low = 0;
        int high = QuoteSpans.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            (int start, int end) = QuoteSpans[middle];
            if (position < start)
            {
                high = middle - 1;
            }
            else if (position >= end)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }
}