namespace Herald.Text.Figures;

/// <summary>Which stated period a figure refers to.</summary>
internal sealed partial class FigureScanner
{
    /// <summary>
    /// The period closest to the figure, not counting ones that belong to another figure in another
    /// clause ("120,000 people and plans 300 job cuts next year") and preferring ones not beyond a
    /// comma ("in March 2024, while 2,400 jobs were created in the second half").
    /// </summary>
    private string? Nearest(List<(int First, int Last)> periods, int first, int last)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach ((int periodFirst, int periodLast) in periods)
        {
            bool after = periodFirst > last;
            int distance = after ? periodFirst - last : first - periodLast;
            (int gapFirst, int gapLast) = after ? (last + 1, periodFirst - 1) : (periodLast + 1, first - 1);
            if (distance <= 0 || OtherClauseFigureBetween(gapFirst, gapLast))
            {
                continue;
            }
            int gapStart = after ? Tokens[last].End : Tokens[periodLast].End;
            int gapEnd = after ? Tokens[periodFirst].Start : Tokens[first].Start;
            if (Text.AsSpan(gapStart, gapEnd - gapStart).IndexOfAny(',', ';') >= 0)
            {
                distance += 10;
            }
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = TextSpans.Collapse(Text, Tokens[periodFirst].Start, Tokens[periodLast].End);
            }
        }
        return best;
    }

    private bool OtherClauseFigureBetween(int first, int last)
    {
        bool number = false;
        bool conjunction = false;
        for (int i = first; i <= last; i++)
        {
            number |= Tokens[i].IsNumber && !PeriodFinder.IsYear(Text, Tokens[i]);
            conjunction |= Tokens[i].Span(Text) is "and" or "while" or "but" or "whereas";
        }
        return number && conjunction;
    }
}