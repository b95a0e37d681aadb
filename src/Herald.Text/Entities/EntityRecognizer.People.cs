using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>People: the roles written around a name, and lone words that refer back to someone.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>Role words just before ("union leader Lucia Ortega", "The German chancellor, Petra Lindqvist") or after a name.</summary>
    private IEnumerable<string> RolesAround(int first, int last)
    {
        int i = first - 1;
        int seen = 0;
        bool commaAllowed = true;
        while (i >= 0 && seen < 3)
        {
            Token token = _tokens[i];
            int gap = _tokens[i + 1].Start - token.End;
            bool comma = gap == 2 && _text[token.End] == ',' && commaAllowed;
            if (!(gap == 1 || comma) || !Titles.IsRole(token.Span(_text)))
            {
                break;
            }
            commaAllowed = false;
            yield return token.Value(_text).ToLowerInvariant();
            seen++;
            i--;
        }
        // "the governor of Västra Götaland, Anders Berg": a role of a place or body, then the name.
        if (first >= 3 && _tokens[first].Start - _tokens[first - 1].End == 2 && _text[_tokens[first - 1].End] == ',')
        {
            for (int k = first - 1; k >= 1 && k >= first - 5; k--)
            {
                // "the MP for Ludlow, Sarah Jones": a member for a seat as well.
                if ((_tokens[k].Span(_text) is "of" && Titles.IsHead(_tokens[k - 1].Span(_text)))
                    || (_tokens[k].Span(_text) is "for" && _tokens[k - 1].Span(_text) is "MP" or "MSP" or "MEP"))
                {
                    yield return _tokens[k - 1].Value(_text).ToLowerInvariant();
                    break;
                }
                if (!StartsName(_tokens[k]))
                {
                    break;
                }
            }
        }
        // Appositive after the name: "Zoë Achterberg, chair of the Harbour Residents' Association"
        if (last + 2 < _tokens.Count && _tokens[last + 1].Start - _tokens[last].End == 2 && _text[_tokens[last].End] == ','
            && Titles.IsHead(_tokens[last + 1].Span(_text)) && _tokens[last + 2].Span(_text) is "of" or "at")
        {
            yield return _tokens[last + 1].Value(_text).ToLowerInvariant();
        }
        // Appositive after the name: "Tomas Reuter, the opposition leader,"
        int j = last + 1;
        if (j + 1 < _tokens.Count && _tokens[j].Start - _tokens[last].End == 2 && _text[_tokens[last].End] == ','
            && _tokens[j].Span(_text) is "the" or "a")
        {
            for (int k = j + 1; k < _tokens.Count && k <= j + 4; k++)
            {
                ReadOnlySpan<char> word = _tokens[k].Span(_text);
                if (Lexicon.OrganizationDescriptors.Contains(LowerAt(k)))
                {
                    // "Unite, the union that represents ..." describes an organisation.
                    yield break;
                }
                if (Titles.IsRole(word))
                {
                    yield return word.ToString().ToLowerInvariant();
                }
                else if (!_names.Gazetteer.TryGetCountryOfDemonym(word.ToString(), out _))
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Last pass: lone words matched against the names already found — a person's surname ("Putin"),
    /// an organisation's short name ("Fjordlaks" for Fjordlaks ASA), a place named before — or new
    /// entities when a speech verb or a title vouches for them.
    /// </summary>
    private void ResolveSingleWords()
    {
        if (_singles.Count == 0)
        {
            return;
        }
        var organizationStarts = new Dictionary<int, EntityRecord>();
        var organizationEnds = new Dictionary<int, EntityRecord>();
        foreach (Mention mention in _registry.Mentions)
        {
            if (mention.Entity.Type == EntityType.Organization && HasOrganizationSignal(mention.Entity))
            {
                organizationStarts.TryAdd(mention.Start, mention.Entity);
                organizationEnds.TryAdd(mention.End, mention.Entity);
            }
        }
        foreach (SingleWordCandidate candidate in _singles)
        {
            if (_listedPlaceSingles is not null && _listedPlaceSingles.Contains(candidate.TokenIndex))
            {
                continue;
            }
            string word = NameAt(candidate.TokenIndex);
            EntityRecord? entity = _registry.PersonByWord(word) ?? _registry.ByShortName(word);
            if (entity is null && _registry.ByName(word) is { Type: not EntityType.Person } named)
            {
                entity = named;
            }
            // "Unions said" opens a sentence with a plural noun, not a surname.
            bool pluralOpener = candidate.StartsSentence && word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
                && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal);
            bool everyday = candidate.StartsSentence && IsEverydayWord(candidate.TokenIndex);
            if (entity is null && !candidate.InHeading && !pluralOpener && !everyday && (candidate.FollowedByCue || candidate.HasTitle)
                && LooksLikeNameWord(candidate.TokenIndex))
            {
                // "Analysts at Commerzbank said": people work at organisations, not at people.
                if (candidate.AfterPlacePreposition && !candidate.HasTitle)
                {
                    entity = _registry.Named(word, EntityType.Organization);
                    entity.AddEvidence(new Evidence(EntityType.Organization, Weights.OrganizationContext, "people 'at' it speak"));
                }
                else
                {
                    entity = _registry.Person(word);
                    entity.AddEvidence(candidate.HasTitle
                        ? new Evidence(EntityType.Person, Weights.Title, "a title before the name")
                        : new Evidence(EntityType.Person, Weights.Speaks, "the subject of a speech verb"));
                }
            }
            if (entity is null && !candidate.InHeading && !pluralOpener && !everyday && LooksLikeNameWord(candidate.TokenIndex)
                && OrganizationListedWith(candidate.TokenIndex, organizationStarts, organizationEnds) is { } partner)
            {
                entity = _registry.Named(word, EntityType.Organization);
                entity.AddEvidence(new Evidence(EntityType.Organization, Weights.OrganizationContext * 0.9, $"listed with {partner.Name}"));
            }
            if (entity is null && !candidate.InHeading && !pluralOpener && !everyday && GivenNameAt(candidate.TokenIndex) == 0
                && LooksLikeNameWord(candidate.TokenIndex) && PlaceListedWith(candidate.TokenIndex) is { } place)
            {
                // "Buckden and Starbotton were without power", Starbotton put on the map elsewhere: a list is of one kind.
                entity = _registry.Named(word, EntityType.Place);
                entity.AddEvidence(new Evidence(EntityType.Place, Weights.PlaceContext, $"listed with {place.Name}"));
            }
            if (entity is not null)
            {
                if (entity.Type == EntityType.Person && AgeAfter(candidate.TokenIndex) is { } age)
                {
                    // "Brennan, 19, came on late": the age given after a surname is the person's.
                    entity.Age ??= age;
                }
                AddMention(candidate.TokenIndex, candidate.TokenIndex, entity);
            }
        }
    }

    /// <summary>A one-word place, with more than capitals to say so, right beside the word in a list ("X and Y", "X, Y").</summary>
    private EntityRecord? PlaceListedWith(int index)
    {
        int[] neighbours = [IsListJoin(index, index + 2) ? index + 2 : -1, index >= 2 && IsListJoin(index - 2, index) ? index - 2 : -1,
            index + 1 < _tokens.Count && ListComma(index, index + 1) ? index + 1 : -1, index >= 1 && ListComma(index - 1, index) ? index - 1 : -1];
        foreach (int neighbour in neighbours)
        {
            if (neighbour >= 0 && _registry.ByName(NameAt(neighbour)) is { Type: EntityType.Place } place
                && place.Evidence.Any(e => e.Type == EntityType.Place && e.Weight >= Weights.PlaceContext))
            {
                return place;
            }
        }
        return null;
    }

    /// <summary>More than capitals say it is an organisation: a legal form, an organisation word, a context.</summary>
    private static bool HasOrganizationSignal(EntityRecord record)
    {
        foreach (Evidence item in record.Evidence)
        {
            if (item.Type == EntityType.Organization && item.Weight >= Weights.InnerCapital)
            {
                return true;
            }
        }
        return false;
    }
}