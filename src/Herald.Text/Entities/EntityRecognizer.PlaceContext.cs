using Herald.Text.Gazetteer;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>Words around a name that put it on a map, and whether a gazetteer place stands in this sentence.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>A verb only a river takes, right after the name or after "has", "had" or "was".</summary>
    private string? RiverVerbAfter(int index)
    {
        if (index >= _tokens.Count || PlainWordBefore(index) is null)
        {
            return null;
        }
        string word = LowerAt(index);
        if (Lexicon.RiverVerbs.Contains(word))
        {
            return word;
        }
        return word is "has" or "had" or "was" && index + 1 < _tokens.Count && PlainWordBefore(index + 1) is not null
            && Lexicon.RiverVerbs.Contains(LowerAt(index + 1)) ? $"{word} {LowerAt(index + 1)}" : null;
    }

    /// <summary>"downstream", "further upstream", "a mile inland": a place's position beside the last one.</summary>
    private string? WhereaboutsAfter(int index)
    {
        for (int k = index; k < _tokens.Count && k < index + 3; k++)
        {
            string word = LowerAt(k);
            if (Lexicon.Whereabouts.Contains(word))
            {
                return word;
            }
            if (word is not ("further" or "farther" or "just" or "a" or "mile" or "little" or "miles" or "km") && !_tokens[k].IsNumber)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>"in Keswick", "between Keswick and Threlkeld", "the town of Skagen": words that put a name on a map.</summary>
    private Evidence? PlaceContextBefore(int first)
    {
        if (ListedAfterPlace(first) is { } listed)
        {
            return new Evidence(EntityType.Place, Weights.PlaceContext, $"listed with {listed}");
        }
        string? before = PlainWordBefore(first);
        if (before is null)
        {
            return null;
        }
        if (before is "the" && PlainWordBefore(first - 1) is { } preposition && (Lexicon.PlacePrepositions.Contains(preposition) || preposition is "at" or "on"))
        {
            return new Evidence(EntityType.Place, Weights.PlaceContext, $"'{preposition} the' before the name");
        }
        if (before is "the" && PlainWordBefore(first - 1) is "of" && PlainWordBefore(first - 2) is { } part && Lexicon.PlaceParts.Contains(part))
        {
            // "the lower reaches of the Ure", "the banks of the Nidd".
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} of the' before the name", part));
        }
        if (before is "the" && first == LoneWordAt(first) && WaterFromThe(first) is { } water)
        {
            // "take more water from the Nidd", "water drawn from the Gelt": only a river or a lake gives water.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} ... from the' before the name", water));
        }
        if (before is "the" && first >= 4 && PlainWordBefore(first - 1) is "and" && PlainWordBefore(first - 3) is "the"
            && (_acceptedPlaces.Contains(NameAt(first - 3)) || WaterFromThe(first - 3) is not null))
        {
            // "the Eden and the Eamont": named like the place before it, and beside it.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("listed with the {0}", NameAt(first - 3)));
        }
        if (before is "the" && PlainWordBefore(first - 1) is "to" && RouteStart(first - 2) is { } routeStart)
        {
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("a route from {0}", routeStart));
        }
        if (Lexicon.PlaceKinds.Contains(before) && PlainWordBefore(first - 1) is "the")
        {
            // "the river Eden", "the rivers Eden and Derwent": a kind of place, then its name.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'the {0}' before the name", before));
        }
        if (Lexicon.PlacePrepositions.Contains(before))
        {
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0}' before the name", before));
        }
        if (Lexicon.Nearby.Contains(before))
        {
            // "Trøjborg and nearby Risskov": only a place is near.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0}' before the name", before));
        }
        if (before is "over" or "against" or "by" or "to" or "at" or "with" && ScoreResultBefore(first - 1) is { } result)
        {
            // Not a place: "a 3-1 win over Harbourside" names the other team.
            return new Evidence(EntityType.Organization, Weights.OrganizationContext, $"'{result} {before}' before the name");
        }
        if (before is "on" && PlainWordBefore(first - 1) is { } site && Lexicon.Sites.Contains(site))
        {
            // "a gift shop on Strandvegen", "a flat on Dale Street": a street.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} on' before the name", site));
        }
        if (before is "for" && first >= 2 && NameAt(first - 2) is "MP" or "MPs" or "MSP" or "MEP" or "member" or "Member")
        {
            // "the MP for Ludlow", "member for Leeds North": a constituency.
            return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} for' before the name", NameAt(first - 2)));
        }
        if (before is "at" or "from" or "to" or "of")
        {
            string? before2 = PlainWordBefore(first - 1);
            if (before is "of" && before2 is not null && (Lexicon.PlaceNouns.Contains(before2) || Lexicon.PlaceRoles.Contains(before2)))
            {
                return new Evidence(EntityType.Place, Weights.OrganizationContext, Reason("'{0} of' before the name", before2));
            }
            if (before is "of" && before2 is not null && Lexicon.Inhabitants.Contains(before2) && first == LoneWordAt(first))
            {
                // "the reindeer herders of Kautokeino": people of a place.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} of' before the name", before2));
            }
            if (before is "to" && SendingVerbBefore(first - 1) is { } sending)
            {
                // "moved its workshops to Skejby": where something is sent.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} ... to' before the name", sending));
            }
            if (before is "of" && before2 is not null && Lexicon.PlaceParts.Contains(before2))
            {
                // "the northern tip of Jutland", "north of Tromsø": only a place has sides and a coast.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} of' before the name", before2));
            }
            if (before is "from" && before2 is not null && (Lexicon.MotionVerbs.Contains(before2) || Lexicon.ResidentNouns.Contains(before2)
                || (before2 is "over" or "down" or "up" or "back" && PlainWordBefore(first - 2) is { } verb && Lexicon.MotionVerbs.Contains(verb))))
            {
                // "fans who came over from Goole", "an accountant from Shipley": where a journey starts, where someone lives.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} from' before the name", before2));
            }
            if (before is "to" && before2 is not null && Lexicon.MotionVerbs.Contains(before2))
            {
                // "travelled to Tromsø", "ferries to Stornoway": where a journey ends.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} to' before the name", before2));
            }
            if (before is "from" && !_sportCopy && RouteEndAfter(first) is { } end)
            {
                // "from Bergen to Nashville": the start of a route to a known place is a place (in sport copy, a club's move).
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("a route to {0}", end));
            }
            if (before is "to" && RouteStart(first - 1) is { } start)
            {
                // "from Piraeus to Naxos": the end of a route from a place is a place.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("a route from {0}", start));
            }
            if (before is "at" && before2 is not null && (Lexicon.Sites.Contains(before2) || (first >= 2 && Lexicon.OrganizationWords.Contains(NameAt(first - 2)))))
            {
                // "the plant at Grimsby", "the National Archives at Kew": where a building or a body stands.
                return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0} at' before the name", before2));
            }
            if (before is "of" or "from" && first >= 3 && _tokens[first - 2].IsNumber && AgeAfter(first - 3) is not null)
            {
                // "Graham Pell, 54, of Matlock", "Darren Kilby, 47, from Hull": where someone lives.
                return new Evidence(EntityType.Place, Weights.PlaceContext, "where someone named with an age lives");
            }
            return before is "of" ? null : new Evidence(EntityType.Place, Weights.WeakPlaceContext, Reason("'{0}' before the name", before));
        }
        if (before is "and" or "&")
        {
            // A list: "in Braithwaite and Portinscale", "through Troutbeck and Dockray".
            for (int i = first - 2; i >= 0 && i >= first - 8; i--)
            {
                string word = _tokens[i].Value(_text);
                if (Lexicon.PlacePrepositions.Contains(word))
                {
                    return new Evidence(EntityType.Place, Weights.PlaceContext, $"listed after '{word}'");
                }
                if (Lexicon.PlaceKinds.Contains(word) && PlainWordBefore(i) is "the")
                {
                    return new Evidence(EntityType.Place, Weights.PlaceContext, $"listed after 'the {word}'");
                }
                if (!StartsName(_tokens[i]) && word is not ("and" or "of" or "the"))
                {
                    return null;
                }
            }
        }
        return null;
    }

    /// <summary>The index when the name at it is one capitalised word, not the start of a longer name; else -1.</summary>
    private int LoneWordAt(int index) =>
        index + 1 < _tokens.Count && SpaceBetween(index, index + 1) && StartsName(_tokens[index + 1]) ? -1 : index;

    /// <summary>"water from the X": "from the" before the name and a word of water a few words before, in one clause.</summary>
    private string? WaterFromThe(int first)
    {
        if (first < 3 || PlainWordBefore(first) is not "the" || PlainWordBefore(first - 1) is not "from")
        {
            return null;
        }
        for (int i = first - 3; i >= 0 && i >= first - 8; i--)
        {
            if (!SpaceBetween(i, i + 1))
            {
                return null;
            }
            if (Lexicon.WaterWords.Contains(LowerAt(i)))
            {
                return LowerAt(i);
            }
        }
        return null;
    }

    /// <summary>"Rome, Florence and Bologna": the name before in the list is a place already accepted.</summary>
    private string? ListedAfterPlace(int first)
    {
        if (first < 2)
        {
            return null;
        }
        Token previous = _tokens[first - 1];
        ReadOnlySpan<char> gap = _text.AsSpan(previous.End, _tokens[first].Start - previous.End);
        int end = first - 1;
        if (gap is " " && previous.Span(_text) is "and" or "or")
        {
            end = first - 2;
            gap = _text.AsSpan(_tokens[end].End, previous.Start - _tokens[end].End);
            if (gap is not " " and not ", ")
            {
                return null;
            }
        }
        else if (gap is not ", ")
        {
            return null;
        }
        for (int start = end; start >= 0 && start >= end - 2; start--)
        {
            if (_acceptedPlaces.Contains(NameOf(start, end)))
            {
                // "the MP for Ludlow, Sarah Jones": the seat of a role, then who holds it, is no list.
                bool seatOfRole = start >= 2 && PlainWordBefore(start) is "for" or "of" && Titles.IsRole(NameAt(start - 2));
                return seatOfRole ? null : NameOf(start, end);
            }
            if (start == 0 || JoinBetween(_tokens[start - 1], _tokens[start]) != Join.Space)
            {
                break;
            }
        }
        return null;
    }

    /// <summary>"from Bergen to Nashville": after the name at first, "to" and a place the gazetteer is sure of (no small town).</summary>
    private string? RouteEndAfter(int first)
    {
        int last = first;
        while (last + 1 < _tokens.Count && last - first < 2 && SpaceBetween(last, last + 1) && StartsName(_tokens[last + 1]))
        {
            last++;
        }
        int to = last + 1;
        if (to + 1 >= _tokens.Count || !SpaceBetween(last, to) || _tokens[to].Span(_text) is not "to" || !SpaceBetween(to, to + 1)
            || !StartsName(_tokens[to + 1]))
        {
            return null;
        }
        string end = NameAt(to + 1);
        bool place = _acceptedPlaces.Contains(end) || (_gazetteer.TryGet(end, out GazetteerEntry entry) && entry.Type == EntityType.Place
            && (entry.Source is not NameSource.Town || entry.IsLargeTown));
        return place ? end : null;
    }

    /// <summary>"from Piraeus to": the accepted place a route starts from, when "from" and one to three words come before "to".</summary>
    private string? RouteStart(int to)
    {
        for (int start = to - 1; start >= 1 && start >= to - 3; start--)
        {
            if (PlainWordBefore(start) is "from")
            {
                string name = NameOf(start, to - 1);
                return _acceptedPlaces.Contains(name) ? name : null;
            }
            if (!StartsName(_tokens[start]) || PlainWordBefore(start) is null)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>"Marin and Mendocino counties", "the Eden and Derwent rivers": names listed before a kind of place.</summary>
    private string? PlaceKindAfterList(int last)
    {
        int and = last + 1;
        if (and + 2 >= _tokens.Count || PlainWordBefore(and) is null || _tokens[and].Span(_text) is not ("and" or "or"))
        {
            return null;
        }
        for (int k = and + 1; k < _tokens.Count && k <= and + 4; k++)
        {
            if (PlainWordBefore(k) is null)
            {
                return null;
            }
            if (!StartsName(_tokens[k]))
            {
                return k > and + 1 && Lexicon.PlaceKinds.Contains(LowerAt(k)) ? LowerAt(k) : null;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether a gazetteer place counts here. Countries, capitals, large cities and curated places always
    /// do; a small town, or a place whose name is also an everyday word or a given name ("Reading",
    /// "Florence", "Police" is a town in Poland), needs words around it that put it on a map.
    /// </summary>
    private bool PlaceStands(GazetteerEntry entry, int first, int last, out string? context)
    {
        context = null;
        if (entry.Type != EntityType.Place || entry.Source is NameSource.Known or NameSource.Curated or NameSource.Country or NameSource.Capital)
        {
            return true;
        }
        if (first == last && (Lexicon.NotNames.Contains(NameAt(first)) || Lexicon.Languages.Contains(NameAt(first))))
        {
            // "in March", "in English": a month or a language, whatever towns share the name.
            return false;
        }
        if (first == last && (TeamResultBefore(first) || SideInFixture(first, last) is not null
            || (_sportCopy && PlainWordBefore(first) is "from" && DealBefore(first - 1) is not null)))
        {
            // "lost 3-0 at Penrith", "Appleby travel to Penrith": the town's club, read as a name below.
            return false;
        }
        bool ambiguous = first == last && (IsEverydayWord(first) || GivenNameAt(first) >= 9 || _gazetteer.IsCommonWord(NameAt(first)));
        bool needsContext = ambiguous || (entry.Source == NameSource.Town && !entry.IsLargeTown);
        Evidence? placeContext = PlaceContextBefore(first);
        if (placeContext is { Type: EntityType.Place } found && found.Weight >= Weights.PlaceContext)
        {
            context = found.Reason;
            return true;
        }
        if (!ambiguous && PlainWordBefore(first) is "at" && !(last + 1 < _tokens.Count && SpaceBetween(last, last + 1) && StartsName(_tokens[last + 1]))
            && !(first >= 2 && PlainWordBefore(first - 1) is { } site && Lexicon.OrganizationPeople.Contains(site)))
        {
            // "flood warnings for the river at Ilkley": a town the gazetteer knows, named where something happens.
            // Not "analysts at ...": people at a name work there; not "at Brackley Road", a longer name.
            context = "'at' before a town the gazetteer knows";
            return true;
        }
        if (_acceptedPlaces.Contains(entry.CanonicalName))
        {
            context = "named as a place earlier";
            return true;
        }
        if (!needsContext)
        {
            return true;
        }

        if (CommaThenPlace(last) is { } region)
        {
            context = $"followed by '{region}'";
            return true;
        }
        if (last + 1 < _tokens.Count && _tokens[last + 1].Start - _tokens[last].End == 1
            && Lexicon.PlaceFollowers.Contains(_tokens[last + 1].Value(_text)))
        {
            context = $"'{_tokens[last + 1].Value(_text)}' after the name";
            return true;
        }
        if (PlaceKindAfterList(last) is { } kind)
        {
            context = $"listed before '{kind}'";
            return true;
        }
        return first == last && _tokens[first].IsAllCaps(_text) && _tokens[first].Length >= 4;
    }

    /// <summary>
    /// "Ennis, County Clare" or "Kenwood, California": a known region or country after a comma; "Montoro, in
    /// Andalusia" or "Ballstad, in the province of Nordland": a place that holds it.
    /// </summary>
    private string? CommaThenPlace(int last)
    {
        if (last + 1 >= _tokens.Count || _tokens[last + 1].Start - _tokens[last].End != 2 || _text[_tokens[last].End] != ',')
        {
            return null;
        }
        int from = last + 1;
        bool within = _tokens[from].Span(_text) is "in" && SpaceBetween(from, from + 1);
        if (within)
        {
            from++;
            if (_tokens[from].Span(_text) is "the" && from + 3 < _tokens.Count && SpaceBetween(from, from + 1) && SpaceBetween(from + 1, from + 2)
                && SpaceBetween(from + 2, from + 3) && Lexicon.PlaceNouns.Contains(LowerAt(from + 1)) && _tokens[from + 2].Span(_text) is "of"
                && StartsName(_tokens[from + 3]))
            {
                return Reason("the {0} of", LowerAt(from + 1));
            }
        }
        for (int end = Math.Min(_tokens.Count - 1, from + 2); end >= from; end--)
        {
            if (_gazetteer.TryGet(NameOf(from, end), out GazetteerEntry entry) && entry.Type == EntityType.Place
                && (entry.Source is NameSource.Country or NameSource.Region or NameSource.Curated
                    || (within && (entry.Source is NameSource.Capital || entry.IsLargeTown))))
            {
                return entry.CanonicalName;
            }
        }
        return null;
    }
}