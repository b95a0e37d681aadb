namespace Herald.Discovery.Related;

/// <summary>One piece of evidence that two articles belong together, with what it adds to the score.</summary>
public sealed record RelatedEvidence(string Kind, string Label, double Weight);

/// <summary>
/// How evidence becomes a score. Content similarity (the dot product of the two articles'
/// normalised top-term TF-IDF vectors, 0–1) is the base; shared tags and section add to it; the
/// sum decays with the distance in time between the two articles.
/// Each person or organisation both articles name (Understanding's findings) adds
/// <see cref="SharedEntity"/>, up to <see cref="MaxEntityBonus"/>.
/// </summary>
public static class RelatedScoring
{
    public const double SharedTag = 0.12;
    public const double MaxTagBonus = 0.36;
    public const double SameSection = 0.05;
    public const double SharedEntity = 0.10;
    public const double MaxEntityBonus = 0.30;

    /// <summary>Articles months apart still relate, but a story from the same week is preferred.</summary>
    public static double RecencyFactor(DateTime a, DateTime b) =>
        0.6 + 0.4 * Math.Exp(-Math.Abs((a - b).TotalDays) / 120.0);

    public static double Score(double similarity, IReadOnlyCollection<RelatedEvidence> evidence, DateTime a, DateTime b)
    {
        var tags = Math.Min(MaxTagBonus, evidence.Where(e => e.Kind == "tag").Sum(e => e.Weight));
        var entities = Math.Min(MaxEntityBonus, evidence.Where(e => e.Kind is "person" or "organisation").Sum(e => e.Weight));
        var other = evidence.Where(e => e.Kind is not "tag" and not "term" and not "person" and not "organisation").Sum(e => e.Weight);
        return (similarity + tags + entities + other) * RecencyFactor(a, b);
    }

    /// <summary>Why, in words an editor reads: "terms: ferry, strike; tags: Transport; section".</summary>
    public static string Explain(IEnumerable<RelatedEvidence> evidence)
    {
        var parts = evidence.GroupBy(e => e.Kind)
            .Select(g => g.Key == "section" ? "same section" : $"{g.Key}s: {string.Join(", ", g.Select(e => e.Label))}");
        var text = string.Join("; ", parts);
        return text.Length <= 1000 ? text : text[..997] + "…";
    }
}