namespace Herald.Text.Entities;

/// <summary>
/// Speech and speakers vouch for each other: a name beside "said" is surely someone, and a quotation
/// is only as sure as the name it is given to.
/// </summary>
internal static class SpeakerEvidence
{
    public static List<Quote> Apply(EntityIndex entities, List<Quote> quotes)
    {
        var byName = new Dictionary<string, EntityRecord>(StringComparer.Ordinal);
        foreach (EntityRecord record in entities.Records)
        {
            byName.TryAdd(record.Name, record);
        }
        var vouched = new HashSet<EntityRecord>(ReferenceEqualityComparer.Instance);
        foreach (Quote quote in quotes)
        {
            // Only a speaker named beside the cue: a pronoun says nothing new about the name.
            if (quote.SpeakerNamed && quote.Speaker is { } name && byName.TryGetValue(name, out EntityRecord? record) && vouched.Add(record))
            {
                record.AddEvidence(new Evidence(record.Type, Weights.Quoted, "quoted by name"));
                record.Settle();
            }
        }
        var result = new List<Quote>(quotes.Count);
        foreach (Quote quote in quotes)
        {
            if (quote.Speaker is { } name && byName.TryGetValue(name, out EntityRecord? speaker) && speaker.Confidence < quote.Confidence
                && speaker.Confidence < ConfidenceThreshold.PublicPages)
            {
                // A sure attribution to an unsure name is still unsure.
                result.Add(quote with
                {
                    Confidence = Math.Round(speaker.Confidence + 0.05, 2),
                    Evidence = [.. quote.Evidence, $"but {speaker.Name} itself is uncertain ({speaker.Confidence:0.00})"],
                });
                continue;
            }
            result.Add(quote);
        }
        return result;
    }
}