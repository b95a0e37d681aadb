namespace Herald.Text.Segmentation;

/// <summary>Binary searches from a text offset to the token, sentence or paragraph around it.</summary>
internal static class Positions
{
    public static int FirstTokenAtOrAfter(IReadOnlyList<Token> tokens, int position)
    {
        int low = 0;
        int high = tokens.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (tokens[middle].Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Index of the sentence containing position, or the last one starting before it; -1 if none.</summary>
    public static int SentenceAt(IReadOnlyList<Sentence> sentences, int position)
    {
        int low = 0;
        int high = sentences.Count - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (sentences[middle].Start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    public static int ParagraphAt(IReadOnlyList<Paragraph> paragraphs, int position)
    {
        int low = 0;
        int high = paragraphs.Count - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (paragraphs[middle].Start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}