using System.Text;

namespace Herald.Text;

internal static class TextSpans
{
    /// <summary>The text between start and end with every run of whitespace (including blanked Markdown) as one space.</summary>
    public static string Collapse(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        bool space = false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}