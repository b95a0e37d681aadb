using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Checks;

/// <summary>Checks on sentences: repeats of an earlier sentence and Title Case inside running text.</summary>
internal static class SentenceChecks
{
    public const string RepeatRule = "repeated-sentence";
    public const string TitleCaseRule = "title-case-run";
    private const int MinRepeatWords = 5;

    public static void FindRepeats(string text, IReadOnlyList<Sentence> sentences, List<Check> checks)
    {
        // A 64-bit fingerprint of the words stands in for the sentence text: no string per sentence.
        var seen = new HashSet<ulong>();
        foreach (Sentence sentence in sentences)
        {
            (ulong key, int words) = Fingerprint(text, sentence.Start, sentence.End);
            if (words < MinRepeatWords)
            {
                continue;
            }
            if (!seen.Add(key))
            {
                checks.Add(new Check(RepeatRule, "This sentence repeats an earlier one.", sentence.Start, sentence.End));
            }
        }
    }

    /// <summary>FNV-1a over the sentence with case folded and whitespace runs as one space; also counts words.</summary>
    private static (ulong Key, int Words) Fingerprint(string text, int start, int end)
    {
        ulong hash = 14695981039346656037UL;
        int words = 0;
        bool inWord = false;
        bool space = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                inWord = false;
                continue;
            }
            if (space)
            {
                hash = (hash ^ ' ') * 1099511628211UL;
                space = false;
            }
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }
            inWord = letter;
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }
        return (hash, words);
    }

    /// <summary>Three or more capitalised ordinary words mid-sentence that name nothing Herald knows.</summary>
    public static void FindTitleCase(ArticleContext article, List<Check> checks)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string text = article.Text;
        foreach (Sentence sentence in article.Sentences)
        {
            if (article.Paragraphs[sentence.ParagraphIndex].IsHeading)
            {
                continue;
            }
            int first = Positions.FirstTokenAtOrAfter(tokens, sentence.Start) + 1;
            int i = first;
            while (i < tokens.Count && tokens[i].End <= sentence.End)
            {
                int last = i;
                while (last + 1 < tokens.Count && tokens[last + 1].End <= sentence.End && IsCapital(text, tokens[last])
                    && IsCapital(text, tokens[last + 1]) && tokens[last + 1].Start - tokens[last].End == 1 && text[tokens[last].End] == ' ')
                {
                    last++;
                }
                if (last - i >= 2 && IsTitleCase(text, tokens, i, last) && !IsKnownEntity(article, tokens[i].Start, tokens[last].End))
                {
                    checks.Add(new Check(TitleCaseRule, $"Title Case inside a sentence: \"{text[tokens[i].Start..tokens[last].End]}\".", tokens[i].Start, tokens[last].End));
                }
                i = last + 1;
            }
        }
    }

    private static bool IsCapital(string text, Token token) => !token.IsNumber && char.IsUpper(text[token.Start]);

    private static bool IsTitleCase(string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        int ordinary = 0;
        for (int i = first; i <= last; i++)
        {
            string word = tokens[i].Value(text);
            if (i == last && Lexicon.OrganizationWords.Contains(word))
            {
                return false;
            }
            if (i > first && Lexicon.FunctionWords.Contains(word))
            {
                return true;
            }
            if (Lexicon.OrdinaryWords.Contains(word))
            {
                ordinary++;
            }
        }
        return ordinary >= 2;
    }

    private static bool IsKnownEntity(ArticleContext article, int start, int end)
    {
        foreach (Mention mention in article.Entities.Within(start, end))
        {
            if (mention.End - mention.Start >= (end - start) / 2)
            {
                return true;
            }
        }
        return false;
    }
}