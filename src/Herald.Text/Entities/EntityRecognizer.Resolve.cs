namespace Herald.Text.Entities;

/// <summary>Second pass: one type per name, decided by all the evidence the article gives for it.</summary>
internal sealed partial class EntityRecognizer
{
    private void ResolveCandidates()
    {
        // All evidence for one name, wherever it appears: "Nordic Wings" is a company throughout
        // once "shares in Nordic Wings" says so.
        var byName = new Dictionary<string, List<Evidence>>(StringComparer.Ordinal);
        foreach (Candidate candidate in _candidates)
        {
            if (!byName.TryGetValue(candidate.Name, out List<Evidence>? all))
            {
                all = [];
                byName[candidate.Name] = all;
            }
            if (all.Count < 64)
            {
                all.AddRange(candidate.Evidence);
            }
        }
        var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        var shortNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string name, List<Evidence> evidence) in byName)
        {
            if (evidence.Count == 0)
            {
                continue;
            }
            Weights.Decide(evidence, out EntityType type);
            types[name] = type;
            if (type != EntityType.Organization)
            {
                continue;
            }
            foreach (string shortName in EntityRegistry.ShortNames(name))
            {
                // Two companies sharing a short name make it useless for either.
                shortNames[shortName] = shortNames.ContainsKey(shortName) ? null : name;
            }
        }
        foreach (Candidate candidate in _candidates)
        {
            string name = candidate.Name;
            if (shortNames.TryGetValue(name, out string? fullName) && fullName is not null && fullName != name)
            {
                // "Voss Semiconductor" after "Voss Semiconductor AG".
                candidate.Evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext, $"short for {fullName}"));
                name = fullName;
            }
            if (!types.TryGetValue(name, out EntityType type))
            {
                continue;
            }
            if (candidate.InHeading && type == EntityType.Person)
            {
                if (KnownPersonFor(candidate.First, candidate.Last) is { } known)
                {
                    AddMention(candidate.First, candidate.Last, known);
                }
                continue;
            }
            EntityRecord record = type == EntityType.Person ? _registry.Person(name) : _registry.Named(name, type);
            record.AddEvidence(candidate.Evidence);
            if (type == EntityType.Person)
            {
                record.Titles.UnionWith(candidate.Titles ?? []);
                foreach (string title in candidate.Titles ?? [])
                {
                    record.Gender ??= Titles.GenderOf(title);
                }
                record.Gender ??= GenderOfGivenName(candidate.First);
                record.Nationality ??= candidate.Nationality;
                record.Age ??= candidate.Age;
            }
            AddMention(candidate.First, candidate.Last, record);
        }
    }
}