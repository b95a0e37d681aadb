namespace Herald.Text.Segmentation;

/// <summary>Words whose trailing full stop does not end a sentence in news copy.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",
        "Maj", "Adm", "Cmdr", "Jr", "Sr", "Inc", "Ltd", "Corp", "Co", "vs", "etc", "approx",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mt", "Ft", "Rev", "Hon", "est", "ca", "cf",
        "e.g", "i.e", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U",
    };

    public static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial, as in "John F. Kennedy".
            return true;
        }
        var lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }
}