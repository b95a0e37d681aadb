using Herald.Text.Gazetteer;

namespace Herald.Text.Entities;

/// <summary>Lists of three or more names: "Kirkby Thore, Temple Sowerby and Culgaith were the worst hit".</summary>
internal sealed partial class EntityRecognizer
{
    // Lone words a list of places has already typed: the single-word pass leaves them alone.
    private HashSet<int>? _listedPlaceSingles;

    /// <summary>
    /// Names in one list are of one kind. A list of three or more names in which one is a place (by the
    /// gazetteer, by the words around it, or by a place preposition before the list) and none is a person
    /// or an organisation by more than capitals is a list of places: villages a reader knows to be villages
    /// only because they stand beside one.
    /// </summary>
    private void PlacesListedTogether()
    {
        if (_candidates.Count + _singles.Count < 2)
        {
            return;
        }
        // What any mention of a name says counts for all of them: "in Temple Sowerby" later puts the list on the map.
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var byFirst = new Dictionary<int, Candidate>();
        var covered = new HashSet<int>();
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (Candidate candidate in _candidates)
        {
            byFirst.TryAdd(candidate.First, candidate);
            if (candidate.Evidence.Exists(e => e.Type == EntityType.Place && e.Weight >= Weights.PlaceContext))
            {
                placed.Add(candidate.Name);
            }
            for (int k = candidate.First; k <= candidate.Last; k++)
            {
                covered.Add(k);
            }
            if (candidate.Last > candidate.First && GivenNameAt(candidate.First) > 0)
            {
                // "Harry Kane" makes "Kane" in "Kane, Sterling and Rashford" a person.
                surnames.Add(NameAt(candidate.Last));
            }
        }
        var singles = new HashSet<int>();
        foreach (SingleWordCandidate single in _singles)
        {
            if (!single.InHeading)
            {
                singles.Add(single.TokenIndex);
            }
        }
        var members = new List<(int First, int Last)>(8);
        string? placesList = null;
        List<List<(int First, int Last)>>? unanchored = null;
        int i = 0;
        while (i < _tokens.Count)
        {
            if (!StartsName(_tokens[i]))
            {
                i++;
                continue;
            }
            members.Clear();
            i = ReadList(i, members, byFirst);
            if (members.Count >= 3)
            {
                ListKind kind = TypeListAsPlaces(members, byFirst, covered, singles, surnames, placed, null);
                if (kind == ListKind.Places)
                {
                    placesList ??= NameOf(members[0].First, members[0].Last);
                }
                else if (kind == ListKind.Unanchored)
                {
                    (unanchored ??= []).Add([.. members]);
                }
            }
        }
        if (placesList is null || unanchored is null)
        {
            return;
        }
        // "Great Salkeld, Lazonby and Armathwaite lost power": once the article lists villages, another list of names
        // no person or company has vouched for is more villages. Up to a few lists, so the pass stays linear.
        foreach (List<(int First, int Last)> list in unanchored.Take(8))
        {
            TypeListAsPlaces(list, byFirst, covered, singles, surnames, placed, placesList);
        }
    }

    private enum ListKind { NotPlaces, Unanchored, Places }

    /// <summary>Reads "A, B and C" (each of up to three capitalised words) from index; returns where reading stopped.</summary>
    private int ReadList(int index, List<(int First, int Last)> members, Dictionary<int, Candidate> byFirst)
    {
        int start = index;
        bool longerName = byFirst.TryGetValue(start, out Candidate? named) && named.Last > start;
        if (start + 1 < _tokens.Count && IsEverydayWord(start) && !longerName && SpaceBetween(start, start + 1) && StartsName(_tokens[start + 1]))
        {
            // "But Leeds, York and Hull": the sentence's first word is no part of the list.
            start++;
        }
        while (true)
        {
            int last = ReadMember(start);
            members.Add((start, last));
            int after = last + 1;
            if (after + 1 >= _tokens.Count)
            {
                return after;
            }
            bool comma = ListComma(last, after);
            if (comma && StartsName(_tokens[after]))
            {
                start = after;
                continue;
            }
            if ((comma || SpaceBetween(last, after)) && _tokens[after].Span(_text) is "and" or "or" && SpaceBetween(after, after + 1)
                && StartsName(_tokens[after + 1]))
            {
                int final = ReadMember(after + 1);
                members.Add((after + 1, final));
                return final + 1;
            }
            return after;
        }
    }

    private int ReadMember(int start)
    {
        int last = start;
        while (last + 1 < _tokens.Count && last - start < 2 && SpaceBetween(last, last + 1) && StartsName(_tokens[last + 1])
            && _tokens[last + 1].Span(_text) is not ("And" or "Or"))
        {
            last++;
        }
        return last;
    }

    private ListKind TypeListAsPlaces(List<(int First, int Last)> members, Dictionary<int, Candidate> byFirst, HashSet<int> covered,
        HashSet<int> singles, HashSet<string> surnames, HashSet<string> placed, string? placesList)
    {
        string? place = null;
        string? preposition = PlainWordBefore(members[0].First);
        // "stops at Bintree, Foulsham and Guist", but "analysts at Barclays, Lloyds and HSBC" are organisations.
        if (preposition is "at" or "for" or "in" && PlainWordBefore(members[0].First - 1) is { } holder && Lexicon.OrganizationPeople.Contains(holder))
        {
            return ListKind.NotPlaces;
        }
        if (preposition is not null && (Lexicon.PlacePrepositions.Contains(preposition) || preposition is "at"))
        {
            place = $"'{preposition}' before the list";
        }
        foreach ((int first, int last) in members)
        {
            for (int k = first; k <= last; k++)
            {
                // "Kazakh, Russian and English": languages and peoples, no places.
                if (!LooksLikeNameWord(k) || _tokens[k].IsAllCaps(_text) || Lexicon.Languages.Contains(NameAt(k))
                    || _gazetteer.TryGetCountryOfDemonym(NameAt(k), out _))
                {
                    return ListKind.NotPlaces;
                }
            }
            if (byFirst.TryGetValue(first, out Candidate? candidate))
            {
                if (candidate.Last != last || candidate.Titles is not null || candidate.Age is not null || candidate.Evidence.Exists(
                    e => (e.Type == EntityType.Organization && e.Weight >= Weights.InnerCapital) || (e.Type == EntityType.Person && e.Weight >= Weights.CommonGivenName)))
                {
                    return ListKind.NotPlaces;
                }
                if (placed.Contains(candidate.Name))
                {
                    place ??= candidate.Name;
                }
            }
            else if (first == last && singles.Contains(first))
            {
                if (surnames.Contains(NameAt(first)))
                {
                    return ListKind.NotPlaces;
                }
                if (!IsEverydayWord(first) && GivenNameAt(first) == 0 && _gazetteer.TryGet(NameAt(first), out GazetteerEntry entry) && entry.Type == EntityType.Place)
                {
                    place ??= NameAt(first);
                }
            }
            else if (covered.Contains(first) || covered.Contains(last))
            {
                return ListKind.NotPlaces;
            }
        }
        if (place is null && placesList is null)
        {
            return ListKind.Unanchored;
        }
        if (place is null && members.Count(m => m.First == m.Last && IsEverydayWord(m.First)) > 1)
        {
            // "Shipping, Kestrel Maritime, Leadership": a list of everyday words is topics, not villages like the others.
            return ListKind.NotPlaces;
        }
        string reason = place is null ? $"listed like the places beside {placesList}"
            : place.StartsWith('\'') ? $"listed with other names after {place[1..place.IndexOf('\'', 1)]}" : $"listed with {place}";
        foreach ((int first, int last) in members)
        {
            if (byFirst.TryGetValue(first, out Candidate? candidate))
            {
                // Capitals and a rare given name ("Wood Dalling", "Temple Sowerby") say less than the list does.
                candidate.Evidence.RemoveAll(e => e.Type == EntityType.Person && e.Weight <= Weights.RareGivenName);
                candidate.Evidence.Add(new Evidence(EntityType.Place, Weights.PlaceContext, reason));
                continue;
            }
            if (first == last)
            {
                (_listedPlaceSingles ??= []).Add(first);
            }
            _candidates.Add(new Candidate
            {
                First = first,
                Last = last,
                Name = NameOf(first, last),
                InHeading = false,
                Evidence = [new Evidence(EntityType.Place, Weights.PlaceContext, reason)],
            });
        }
        return ListKind.Places;
    }
}