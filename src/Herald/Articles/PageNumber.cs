using System.Globalization;

namespace Herald.Articles;

/// <summary>The ?page= of a list. Anything but a whole number from 1 to 10,000 is a bad request.</summary>
public static class PageNumber
{
    public const int Max = 10_000;

    public static bool TryParse(string? raw, out int page)
    {
        if (raw is null)
        {
            page = 1;
            return true;
        }
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= Max;
    }
}