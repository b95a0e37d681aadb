using Herald.Discovery.Search;

namespace Herald.Discovery.Related;

/// <summary>
/// Counts the content words of an article for TF-IDF: accent-folded, lower-cased, without
/// stop words, numbers or words shorter than three letters. Headline words count three times.
/// </summary>
public static class TermCounter
{
    /// <summary>An article is counted under at most this many distinct terms, its most frequent ones.</summary>
    public const int MaxDistinctTerms = 400;

    private static readonly HashSet<string> StopWords = new(
        ("about above after again against also although among another because been before being below between both but " +
         "can could did does doing down during each either even ever every few for from further had has have having her " +
         "here hers herself him himself his how however into its itself just last least less like made make many may " +
         "might more most much must near neither never next nor not now off once one only other our ours ourselves out " +
         "over own per perhaps said same say says she should since some still such than that the their theirs them " +
         "themselves then there these they this those though through thus too two under until upon very was were what " +
         "when where whether which while who whom whose why will with within without would year years yet you your yours " +
         "yourself are and all any any new first told week weeks day days time mr mrs ms its it's").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static Dictionary<string, int> Count(string headline, string? dek, string plainBody)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, headline, 3);
        Add(counts, dek ?? "", 2);
        Add(counts, plainBody, 1);
        return counts.Count <= MaxDistinctTerms
            ? counts
            : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxDistinctTerms)
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, int> counts, string text, int weight)
    {
        foreach (var token in SearchQuery.Tokenize(text))
        {
            if (token.Length < 3 || StopWords.Contains(token) || token.All(char.IsDigit))
            {
                continue;
            }
            counts[token] = counts.GetValueOrDefault(token) + weight;
        }
    }
}