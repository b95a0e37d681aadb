namespace Herald.Text.Entities;

/// <summary>Second pass: one type per name, decided by all the evidence the article gives for it.</summary>
internal sealed partial class EntityRecognizer
{
    private void ResolveCandidates()
    {
        PlacesListedTogether();
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
        ListWithOrganizations(byName, types);
        Dictionary<string, string?> clubTowns = ClubTowns(types);
        foreach (Candidate candidate in _candidates)
        {
            string name = candidate.Name;
            if (shortNames.TryGetValue(name, out string? fullName) && fullName is not null && fullName != name)
            {
                // "Voss Semiconductor" after "Voss Semiconductor AG".
                candidate.Evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext, $"short for {fullName}"));
                name = fullName;
            }
            else if (types.TryGetValue(name, out EntityType own) && (own == EntityType.Organization || (_sportCopy && own == EntityType.Place && ReadsAsClub(candidate)))
                && clubTowns.TryGetValue(name, out string? club) && club is not null)
            {
                // "Harwood boss Mark Tillotson" after "Harwood Athletic": a side its own words already call an
                // organisation is the club named by its town. Never a mention that reads as the town itself.
                candidate.Evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext, $"short for {club}"));
                name = club;
            }
            if (!types.TryGetValue(name, out EntityType type))
            {
                continue;
            }
            if (type == EntityType.Place && candidate.First == candidate.Last && _registry.PersonByWord(name) is { } surnamed
                && candidate.Evidence.TrueForAll(e => e.Type != EntityType.Place || e.Weight <= Weights.PlaceContext))
            {
                // "Okafor turns inside Marsh" after "captain Lewis Marsh": only a preposition said place, the surname says who.
                AddMention(candidate.First, candidate.Last, surnamed);
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

    /// <summary>
    /// In sport copy, a lone town with nothing around it that puts it on a map ("Okafor joins Stockport") stands for
    /// the club named for it; "fans from Stockport" or "in Stockport" stays the town.
    /// </summary>
    private static bool ReadsAsClub(Candidate candidate) =>
        candidate.First == candidate.Last && !candidate.Evidence.Exists(e => e.Type == EntityType.Place && e.Weight <= Weights.PlaceContext);

    /// <summary>The town word of each two-word club ("Harwood" of Harwood Athletic); null when two clubs share it.</summary>
    private static Dictionary<string, string?> ClubTowns(Dictionary<string, EntityType> types)
    {
        var towns = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string name, EntityType type) in types)
        {
            int space = name.IndexOf(' ', StringComparison.Ordinal);
            if (type != EntityType.Organization || space < 0 || name.IndexOf(' ', space + 1) >= 0)
            {
                continue;
            }
            string last = name[(space + 1)..];
            if (Lexicon.ClubWords.Contains(last) || Lexicon.TeamPlaceWords.Contains(last))
            {
                string town = name[..space];
                towns[town] = towns.ContainsKey(town) ? null : name;
            }
        }
        return towns;
    }

    /// <summary>
    /// "Stena Vale and Fjordlaks ASA", "Carlsberg, Heineken and Diageo": names joined in one list are of one kind,
    /// so a name that only looks like a person's becomes an organisation when it is listed with one.
    /// </summary>
    private void ListWithOrganizations(Dictionary<string, List<Evidence>> byName, Dictionary<string, EntityType> types)
    {
        Dictionary<int, Candidate>? byFirst = null;
        Dictionary<int, Candidate>? byLast = null;
        HashSet<string>? changed = null;
        foreach (Candidate candidate in _candidates)
        {
            if (candidate.InHeading || candidate.Titles is not null || !byName.TryGetValue(candidate.Name, out List<Evidence>? evidence)
                || !OnlyCapitals(evidence))
            {
                continue;
            }
            if (byFirst is null || byLast is null)
            {
                // Built only for an article that has a name known by its capitals alone.
                byFirst = [];
                byLast = [];
                foreach (Candidate other in _candidates)
                {
                    byFirst.TryAdd(other.First, other);
                    byLast.TryAdd(other.Last, other);
                }
            }
            Candidate? partner = null;
            if (IsListJoin(candidate.Last, candidate.Last + 2) && byFirst.TryGetValue(candidate.Last + 2, out Candidate? right))
            {
                partner = right;
            }
            else if (candidate.First >= 2 && IsListJoin(candidate.First - 2, candidate.First) && byLast.TryGetValue(candidate.First - 2, out Candidate? left))
            {
                partner = left;
            }
            else if (candidate.First >= 1 && ListComma(candidate.First - 1, candidate.First) && byLast.TryGetValue(candidate.First - 1, out Candidate? before))
            {
                partner = before;
            }
            if (partner is not null && types.TryGetValue(partner.Name, out EntityType type) && type == EntityType.Organization
                && byName.TryGetValue(partner.Name, out List<Evidence>? partnerEvidence) && partnerEvidence.Exists(e => e.Type == EntityType.Organization && e.Weight >= Weights.InnerCapital))
            {
                evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext, $"listed with {partner.Name}"));
                (changed ??= new HashSet<string>(StringComparer.Ordinal)).Add(candidate.Name);
            }
        }
        foreach (string name in changed ?? [])
        {
            Weights.Decide(byName[name], out EntityType type);
            types[name] = type;
        }
    }

    private static bool OnlyCapitals(List<Evidence> evidence)
    {
        foreach (Evidence item in evidence)
        {
            if (item.Type != EntityType.Person || item.Weight > Weights.NameShaped)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"X and Y" or "X or Y": the word between the two tokens joins a list.</summary>
    private bool IsListJoin(int left, int right) =>
        right < _tokens.Count && right - left == 2 && SpaceBetween(left, left + 1) && SpaceBetween(left + 1, right)
        && _tokens[left + 1].Span(_text) is "and" or "or";

    private bool ListComma(int left, int right) =>
        right < _tokens.Count && _text.AsSpan(_tokens[left].End, _tokens[right].Start - _tokens[left].End) is ", ";

    /// <summary>The organisation named in a list right beside a lone word: "Heineken and Anheuser-Busch InBev".</summary>
    private EntityRecord? OrganizationListedWith(int index, Dictionary<int, EntityRecord> starts, Dictionary<int, EntityRecord> ends)
    {
        if (IsListJoin(index, index + 2) && starts.TryGetValue(_tokens[index + 2].Start, out EntityRecord? right))
        {
            return right;
        }
        if (index >= 2 && IsListJoin(index - 2, index) && ends.TryGetValue(_tokens[index - 2].End, out EntityRecord? left))
        {
            return left;
        }
        if (index + 1 < _tokens.Count && ListComma(index, index + 1) && starts.TryGetValue(_tokens[index + 1].Start, out EntityRecord? next)
            && ListGoesOnAfter(index + 1, next, ends))
        {
            // "supplies Stellwerk, Ordana Motors and Haldane Group": the first of a list whose next name is an organisation.
            return next;
        }
        return index >= 1 && ListComma(index - 1, index) && ends.TryGetValue(_tokens[index - 1].End, out EntityRecord? before) ? before : null;
    }

    /// <summary>Whether the organisation starting at token from is followed by ", " or " and " — a list, not an aside.</summary>
    private bool ListGoesOnAfter(int from, EntityRecord organization, Dictionary<int, EntityRecord> ends)
    {
        for (int j = from; j < _tokens.Count && j < from + 6; j++)
        {
            if (ends.TryGetValue(_tokens[j].End, out EntityRecord? ending) && ReferenceEquals(ending, organization))
            {
                return j + 1 < _tokens.Count && (ListComma(j, j + 1) || IsListJoin(j, j + 2));
            }
        }
        return false;
    }
}