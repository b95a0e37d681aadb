namespace Herald.Text.Segmentation;

/// <summary>
/// Splits paragraphs into sentences at . ! ? … (and CJK stops) followed by space and a likely
/// sentence start. Abbreviations and initials do not end sentences. One linear pass.
/// </summary>
internal static class SentenceSplitter
{
    public static List<Sentence> Split(string text, IReadOnlyList<Paragraph> paragraphs)
    {
        var sentences = new List<Sentence>();
        for (int p = 0; p < paragraphs.Count; p++)
        {
            SplitParagraph(text, paragraphs[p], p, sentences);
        }
        return sentences;
    }

    private static void SplitParagraph(string text, Paragraph paragraph, int index, List<Sentence> sentences)
    {
        int start = paragraph.Start;
        int i = paragraph.Start;
        while (i < paragraph.End)
        {
            char c = text[i];
            if (c is '。' or '！' or '？')
            {
                int end = SkipClosers(text, i + 1, paragraph.End);
                Add(sentences, text, start, end, index);
                start = SkipSpace(text, end, paragraph.End);
                i = start;
                continue;
            }
            if (c is '.' or '!' or '?' or '…')
            {
                int end = SkipClosers(text, i + 1, paragraph.End);
                int next = SkipSpace(text, end, paragraph.End);
                if (next > end && next < paragraph.End && StartsSentence(text[next]) && !(c == '.' && IsAbbreviationBefore(text, i, start)))
                {
                    Add(sentences, text, start, end, index);
                    start = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        Add(sentences, text, start, paragraph.End, index);
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end, int paragraph)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            sentences.Add(new Sentence(start, end, paragraph));
        }
    }

    /// <summary>Closing quote marks and brackets after the stop belong to the sentence that ends.</summary>
    private static int SkipClosers(string text, int i, int end)
    {
        while (i < end && text[i] is '"' or '”' or '’' or '\'' or '»' or '›' or ')' or ']' or '“' or '.' or '!' or '?')
        {
            i++;
        }
        return i;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '„' or '«' or '‹' or '‘' or '\'' or '(' or '['
        || (char.IsLetter(c) && !char.IsLower(c));

    private static bool IsAbbreviationBefore(string text, int dot, int sentenceStart)
    {
        int wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        if (wordStart == dot)
        {
            return false;
        }
        return Abbreviations.IsAbbreviation(text.AsSpan(wordStart, dot - wordStart));
    }
}