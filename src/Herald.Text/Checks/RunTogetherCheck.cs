using Herald.Text.Entities;

namespace Herald.Text.Checks;

/// <summary>
/// Words glued together by a lost space: "played a balancing roleXi said" or "the end.Next day".
/// Brand spellings ("iPhone", "eBay", "McDonald", "YouTube") are left alone.
/// </summary>
internal static class RunTogetherCheck
{
    public const string Rule = "run-together";

    public static void Run(string text, List<Check> checks)
    {
        for (int i = 1; i + 2 < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLower(c) && char.IsUpper(text[i + 1]) && char.IsLower(text[i + 2]))
            {
                int wordStart = WordStart(text, i);
                int wordEnd = WordEnd(text, i + 1);
                if (IsGluedWords(text, wordStart, i + 1, wordEnd))
                {
                    checks.Add(new Check(Rule, $"Missing space in \"{text[wordStart..wordEnd]}\"?", wordStart, wordEnd));
                    i = wordEnd;
                }
            }
            else if (c is '.' or '!' or '?' && char.IsLower(text[i - 1]) && i >= 2 && char.IsLetter(text[i - 2])
                && char.IsUpper(text[i + 1]) && char.IsLower(text[i + 2]))
            {
                int wordStart = WordStart(text, i - 1);
                int wordEnd = WordEnd(text, i + 1);
                checks.Add(new Check(Rule, $"Missing space after \"{c}\" in \"{text[wordStart..wordEnd]}\".", wordStart, wordEnd));
                i = wordEnd;
            }
        }
    }

    private static bool IsGluedWords(string text, int start, int split, int end)
    {
        if (char.IsLower(text[start]))
        {
            // "roleXi": a real lower-case word, not the one-letter prefix of "iPhone" or "eBay".
            return split - start >= 3;
        }
        // "BeijingXi" or "playersThe": glued only if either half is a word Herald knows on its own.
        string left = text[start..split];
        string right = text[split..end];
        Gazetteer.Gazetteer names = Gazetteer.Gazetteer.Default;
        return Lexicon.NotNames.Contains(right) || names.TryGet(left, out _) || names.TryGet(right, out _);
    }

    private static int WordStart(string text, int i)
    {
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }
        return i;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }
        return i;
    }
}