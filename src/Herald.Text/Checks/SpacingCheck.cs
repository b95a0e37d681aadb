namespace Herald.Text.Checks;

/// <summary>Two or more spaces between words, which renderers collapse but editors should not leave.</summary>
internal static class SpacingCheck
{
    public const string Rule = "double-space";

    /// <summary>Reads the original text: the Markdown mask blanks syntax into spaces that were never typed.</summary>
    public static void Run(string original, List<(int Start, int End)> verbatim, List<Check> checks)
    {
        int cursor = 0;
        int i = 1;
        while (i < original.Length)
        {
            if (original[i] != ' ' || original[i - 1] == ' ')
            {
                i++;
                continue;
            }
            int end = i;
            while (end < original.Length && original[end] == ' ')
            {
                end++;
            }
            bool betweenWords = end - i >= 2 && end < original.Length && !char.IsWhiteSpace(original[end])
                && !char.IsWhiteSpace(original[i - 1]);
            if (betweenWords && !InVerbatim(verbatim, i, ref cursor))
            {
                checks.Add(new Check(Rule, $"{end - i} spaces in a row.", i, end));
            }
            i = end;
        }
    }

    /// <summary>Verbatim ranges are sorted and positions only grow, so one cursor walks them once.</summary>
    private static bool InVerbatim(List<(int Start, int End)> verbatim, int position, ref int cursor)
    {
        while (cursor < verbatim.Count && verbatim[cursor].End <= position)
        {
            cursor++;
        }
        return cursor < verbatim.Count && position >= verbatim[cursor].Start;
    }
}