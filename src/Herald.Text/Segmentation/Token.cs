namespace Herald.Text.Segmentation;

/// <summary>A word or number in the masked article.</summary>
internal readonly record struct Token(int Start, int End, bool IsNumber)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);

    public string Value(string text) => text.Substring(Start, End - Start);

    public bool IsCapitalized(string text) => !IsNumber && char.IsUpper(text[Start]);

    public bool IsAllCaps(string text)
    {
        int letters = 0;
        for (int i = Start; i < End; i++)
        {
            char c = text[i];
            if (char.IsLower(c))
            {
                return false;
            }
            if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return letters >= 2;
    }
}