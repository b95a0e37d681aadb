using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>Verbs and phrases news copy uses to attribute speech.</summary>
internal static class Cues
{
    private static readonly HashSet<string> Words = new(
        // Forms that are also common nouns after a name ("Apple shares", "Berg notes") are left out.
        ("said says told tells added adds stressed noted emphasized emphasised emphasizes " +
         "emphasises underlined underlines underscored shared explained explains asked asks warned warns " +
         "insisted insists argued argues claimed admitted admits announced announces declared declares " +
         "confirmed confirms acknowledged acknowledges recalled recalls continued concluded urged urges predicted " +
         "promised vowed suggested suggests asserted asserts remarked commented observed " +
         "highlighted reiterated reiterates stated wrote writes replied replies responded " +
         "answered joked cautioned conceded complained countered tweeted quipped " +
         "stressing saying adding noting warning insisting explaining telling")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that need an object or "that" before a reported clause ("told reporters that").</summary>
    private static readonly HashSet<string> TakesObject = new(
        "told tells warned warns urged urges asked asks reminded".Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues too loose to introduce an indirect statement without "that".</summary>
    private static readonly HashSet<string> NeedsThat = new(
        ("shared shares asked asks posted tweeted wrote writes continued concluded recalled recalls promised " +
         "promises vowed vows answered replied responded commented comments observed joked quipped")
        .Split(' '), StringComparer.OrdinalIgnoreCase);

    public static bool IsCueWord(ReadOnlySpan<char> word) => Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool TakesAnObject(string cue) => TakesObject.Contains(cue.Split(' ')[0]);

    public static bool RequiresThat(string cue) => NeedsThat.Contains(cue.Split(' ')[0]) || cue.Contains(' ', StringComparison.Ordinal);

    /// <summary>The cue starting at token index, if any, and how many tokens it spans.</summary>
    public static bool TryMatch(string text, IReadOnlyList<Token> tokens, int index, int end, out string cue, out int length)
    {
        cue = "";
        length = 0;
        if (index >= end || tokens[index].IsNumber)
        {
            return false;
        }
        ReadOnlySpan<char> word = tokens[index].Span(text);
        ReadOnlySpan<char> next = index + 1 < end ? tokens[index + 1].Span(text) : [];
        if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && next is "to")
        {
            (cue, length) = ("according to", 2);
        }
        else if (word is "pointed" or "points" && next is "out")
        {
            (cue, length) = (word.ToString() + " out", 2);
        }
        else if (word is "came" or "come" && next is "from")
        {
            (cue, length) = ("came from", 2);
        }
        else if (word is "quoted" && next is "as")
        {
            (cue, length) = ("quoted as saying", 3);
        }
        else if (Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out string? stored))
        {
            // The stored spelling is lower case already, so no string is built per match.
            (cue, length) = (stored, 1);
        }
        return length > 0;
    }
}