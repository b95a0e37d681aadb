namespace Herald.Text.Segmentation;

/// <summary>
/// Words keep inner apostrophes, hyphens and dotted initials ("O'Neill", "Secretary-General",
/// "U.S."); numbers keep thousands separators and decimals ("1,200", "6.2").
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                int end = ScanNumber(text, i);
                tokens.Add(new Token(i, end, IsNumber: true));
                i = end;
            }
            else if (char.IsLetter(c) || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.IsLetter(text, i)))
            {
                int end = ScanWord(text, i);
                tokens.Add(new Token(i, end, IsNumber: false));
                i = end;
            }
            else
            {
                i++;
            }
        }
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static int ScanWord(string text, int i)
    {
        int start = i;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.IsLetter(text, i))
            {
                i += 2;
            }
            else if (c is '\'' or '’' or '-' or '‑' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)
            {
                i++;
            }
            else if (c == '.' && IsDottedInitial(text, start, i))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>"U.S." and "U.N.": single capitals separated by dots.</summary>
    private static bool IsDottedInitial(string text, int start, int dot)
    {
        if (dot - start < 1 || !char.IsUpper(text[dot - 1]) || (dot - 2 >= start && text[dot - 2] != '.'))
        {
            return false;
        }
        bool nextIsInitial = dot + 1 < text.Length && char.IsUpper(text[dot + 1])
            && (dot + 2 >= text.Length || text[dot + 2] == '.');
        bool closesInitials = dot - 2 >= start && text[dot - 2] == '.';
        return nextIsInitial || closesInitials;
    }
}