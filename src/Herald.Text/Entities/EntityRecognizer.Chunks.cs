using Herald.Text.Gazetteer;
using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>A lone capitalised word that may name someone already met ("Putin" after "Vladimir Putin").</summary>
internal readonly record struct SingleWordCandidate(int TokenIndex, bool FollowedByCue, bool HasTitle, bool StartsSentence, bool AfterPlacePreposition, bool InHeading);

/// <summary>A name found in the first pass, with the evidence around this one mention.</summary>
internal sealed class Candidate
{
    public required int First { get; init; }
    public required int Last { get; init; }
    public required string Name { get; set; }
    public required bool InHeading { get; init; }
    // Set once, from the list the first pass built: candidates are many, so they share no copies.
    public List<Evidence> Evidence { get; init; } = new(2);
    public List<string>? Titles { get; init; }
    public string? Nationality { get; init; }
    public int? Age { get; set; }
}

internal sealed partial class EntityRecognizer
{
    private void ProcessRun(int first, int last)
    {
        if (first == last && IsTickerAt(first))
        {
            // "(LSE: BWH)": an exchange and a code, no names.
            return;
        }
        var titles = new List<string>();
        string? nationality = null;
        int demonymEnd = -1;
        int chunkStart = -1;
        // "the railway operator Kazakhstan Temir Zholy", "Discounters Aldi and Lidl": a descriptor makes
        // the whole run organisations, whatever words it holds.
        string? descriptor = OrganizationDescriptorBefore(first);
        if (descriptor is null && first == _sentenceFirst && first < last && Lexicon.OrganizationDescriptors.Contains(NameAt(first)))
        {
            descriptor = LowerAt(first);
            first++;
        }
        if (descriptor is not null && !IsTitleAt(first, last))
        {
            int end = first;
            while (end < last && !(_titleCaseHeading && IsEverydayWord(end + 1)))
            {
                end++;
            }
            FlushOrganizations(first, end, descriptor);
            if (end < last)
            {
                ProcessRun(end + 1, last);
            }
            return;
        }
        if (ClubNamedForTown(first, last))
        {
            // "a bid from Bayer Leverkusen", "signed from Dinamo Zagreb": the town is part of the club's name.
            int whole = first;
            FlushChunk(ref whole, last, titles, null, -1);
            return;
        }
        int k = first;
        while (k <= last)
        {
            if (TryLongestName(k, last, out int matchedLast, out GazetteerEntry? entry, out string? defined)
                && (defined is not null || PlaceStands(entry!, k, matchedLast, out _)) && !ClubNamedAfterPlace(k, matchedLast, last, entry)
                && !PlaceNamedAfterPlace(k, matchedLast, last, entry))
            {
                if (chunkStart >= 0 && entry is { Type: EntityType.Place } && PartOfChunk(chunkStart, k, matchedLast, entry))
                {
                    k = matchedLast + 1;
                    continue;
                }
                if (chunkStart >= 0 && matchedLast == last && CountryCodeEndsName(chunkStart, k, entry))
                {
                    // "Reform UK", "Cancer Research UK", "Age UK": a country's code after other words ends an organisation's name.
                    var body = new Candidate { First = chunkStart, Last = last, Name = NameOf(chunkStart, last), InHeading = _inHeading };
                    body.Evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead, Reason("'{0}' ending the name", NameAt(last))));
                    _candidates.Add(body);
                    return;
                }
                if (chunkStart >= 0 && chunkStart == k - 1 && entry is { Type: EntityType.Place, Source: not NameSource.Town } && Lexicon.Directions.Contains(NameAt(k - 1)))
                {
                    // "East Africa", "Southern Europe": the direction belongs to the place.
                    var directed = new Candidate { First = k - 1, Last = matchedLast, Name = NameOf(k - 1, matchedLast), InHeading = _inHeading };
                    directed.Evidence.Add(new Evidence(EntityType.Place, Weights.Region, $"a part of {entry.CanonicalName}"));
                    _candidates.Add(directed);
                    chunkStart = -1;
                    titles.Clear();
                    k = matchedLast + 1;
                    continue;
                }
                FlushChunk(ref chunkStart, k - 1, titles, nationality, demonymEnd);
                AddFound(k, matchedLast, entry, defined);
                titles.Clear();
                k = matchedLast + 1;
                continue;
            }
            ReadOnlySpan<char> word = _tokens[k].Span(_text);
            string name = NameAt(k);
            bool demonym = _gazetteer.TryGetCountryOfDemonym(name, out string country);
            int demonymWords = demonym ? 1 : TwoWordDemonym(k, last, out country);
            if (demonymWords > 0 || IsTitleAt(k, last))
            {
                // "Ivan Sokolov and Kazakh President Nurlan Abenov": a demonym or title starts a new name.
                FlushChunk(ref chunkStart, k - 1, titles, nationality, demonymEnd);
                if (demonymWords > 0)
                {
                    titles.Clear();
                    nationality = country;
                    k += demonymWords;
                    demonymEnd = k - 1;
                    continue;
                }
                titles.Add(word.ToString().ToLowerInvariant());
                k++;
                continue;
            }
            bool everyday = _titleCaseHeading && IsEverydayWord(k);
            // "A/S", "Harbour Residents' Association": a word that is no name alone stays inside a company's name.
            bool inName = (k < last && JoinBetween(_tokens[k], _tokens[k + 1]) == Join.Slash) || (chunkStart >= 0 && OrganizationWordAhead(k + 1, Math.Min(last, k + 3) + 1))
                || (chunkStart >= 0 && k > chunkStart && NameAt(k - 1) is "League" or "Division" && name is "One" or "Two" or "Three" or "Four");
            if (chunkStart >= 0 && k > chunkStart && last - k is 1 or 2 && RoleOfBefore(first, chunkStart, titles)
                && GivenNameAt(k) > 0 && !IsEverydayWord(k) && !HasOrganizationWord(k, last))
            {
                // "Mayor of Appleby Linda Grainger", "the deputy of Movimento Civico Andrea Lodi": the role's town or
                // body, then the person who holds it.
                FlushChunk(ref chunkStart, k - 1, [], null, -1);
                chunkStart = k;
            }
            if (chunkStart < 0)
            {
                if (!IsConnector(word) && !Lexicon.NotNames.Contains(name) && !everyday)
                {
                    chunkStart = k;
                }
            }
            else if ((Lexicon.NotNames.Contains(name) && !IsConnector(word) && !inName && !Lexicon.OrganizationWords.Contains(name)) || everyday)
            {
                FlushChunk(ref chunkStart, k - 1, titles, nationality, demonymEnd);
                titles.Clear();
            }
            k++;
        }
        FlushChunk(ref chunkStart, last, titles, nationality, demonymEnd);
    }

    /// <summary>
    /// "Ross County", "Kendal Celtic", "Stockport County": a town, then the word that ends a club's name, ends the run.
    /// "County", "Town" and "Borough" end places too, so they count only in sport copy.
    /// </summary>
    private bool ClubNamedAfterPlace(int k, int matchedLast, int last, GazetteerEntry? entry)
    {
        if (entry is not { Type: EntityType.Place } || matchedLast + 1 != last || entry.Source is NameSource.Country)
        {
            return false;
        }
        string word = NameAt(last);
        return Lexicon.ClubWords.Contains(word) || (_sportCopy && Lexicon.TeamPlaceWords.Contains(word)) || IsTeamNicknameAt(last);
    }

    /// <summary>
    /// "Manchester Airport", "Suez Canal", "Leeds Bradford Airport": a town and more name words ending in a place word
    /// are one place (or the body that runs it), not the town and a stray word.
    /// </summary>
    private bool PlaceNamedAfterPlace(int k, int matchedLast, int last, GazetteerEntry? entry)
    {
        if (entry is not { Type: EntityType.Place } || entry.Source is NameSource.Country || matchedLast >= last || last - k > 3
            || !Lexicon.PlaceWords.Contains(NameAt(last)) || IsPossessive(_tokens[matchedLast]))
        {
            return false;
        }
        for (int i = matchedLast + 1; i < last; i++)
        {
            if (!StartsName(_tokens[i]) || IsConnector(_tokens[i].Span(_text)) || !LooksLikeNameWord(i))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"Reform UK": a country written as its code, after one or two name words that are no adjective of time or rank.</summary>
    private bool CountryCodeEndsName(int chunkStart, int k, GazetteerEntry? entry)
    {
        string code = NameAt(k);
        if (entry is not { Type: EntityType.Place, Source: NameSource.Country or NameSource.Curated } || code.Length is < 2 or > 3 || !code.All(char.IsUpper)
            || k - chunkStart > 2 || !SpaceBetween(k - 1, k))
        {
            return false;
        }
        for (int i = chunkStart; i < k; i++)
        {
            if (Lexicon.RankAdjectives.Contains(NameAt(i)) || Lexicon.Directions.Contains(NameAt(i)) || !LooksLikeNameWord(i))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A role and "of" right before the chunk: "Mayor of ...", "the deputy of ...".</summary>
    private bool RoleOfBefore(int first, int chunkStart, List<string> titles) =>
        chunkStart >= 1 && NameAt(chunkStart - 1) is "of"
        && ((chunkStart > first && titles.Count > 0) || (chunkStart == first && chunkStart >= 2 && Titles.IsRole(LowerAt(chunkStart - 2))));

    /// <summary>An unknown word and then a town or city (not a country: national sides are named for it), on the other side of a deal: one club or company.</summary>
    private bool ClubNamedForTown(int first, int last)
    {
        if (first == last || PlainWordBefore(first) is not "from" || DealBefore(first - 1) is null || !LooksLikeNameWord(first)
            || IsEverydayWord(first) || TryLongestName(first, last, out _, out _, out _))
        {
            return false;
        }
        return TryLongestName(first + 1, last, out int matchedLast, out GazetteerEntry? entry, out _) && matchedLast == last
            && entry is { Type: EntityType.Place, Source: not (NameSource.Country or NameSource.Known) };
    }

    /// <summary>
    /// A place inside a name being read: "Central Bank of the Republic of Turkey" keeps Turkey, and in
    /// "Selim Aydın" the town of Aydın is a surname after a given name.
    /// </summary>
    private bool PartOfChunk(int chunkStart, int k, int matchedLast, Gazetteer.GazetteerEntry entry)
    {
        string before = NameAt(k - 1);
        // "Metro de Lisboa", "Banco do Brasil": the Romance "of" as well.
        bool ofPlace = before is "of" or "de" or "do" or "da" or "di" or "del" or "du"
            || (before is "the" && k - 2 > chunkStart && NameAt(k - 2) is "of");
        if (ofPlace && HasOrganizationWord(chunkStart, k - 1))
        {
            return true;
        }
        if (before is "and" && k - 3 >= chunkStart && NameAt(k - 3) is "of" && HasOrganizationWord(chunkStart, k - 3)
            && TryLongestName(k - 2, k - 2, out _, out GazetteerEntry? earlier, out _) && earlier is { Type: EntityType.Place })
        {
            // "Botanical Society of Britain and Ireland": the second place of the name, as the first.
            return true;
        }
        return k == matchedLast && k - 1 >= chunkStart && entry.Source is not (Gazetteer.NameSource.Country or Gazetteer.NameSource.Known)
            && GivenNameAt(k - 1) > 0 && !IsEverydayWord(k - 1);
    }

    /// <summary>An everyday word that is no name by itself: lower-case in the dictionary and no given name or organisation word.</summary>
    private bool IsEverydayWord(int index)
    {
        if (_everydayCache[index] == 0)
        {
            string word = NameAt(index);
            bool everyday = (_gazetteer.IsCommonWord(word) || Lexicon.FunctionWords.Contains(word))
                && !_gazetteer.IsGivenName(word) && !Lexicon.OrganizationWords.Contains(word);
            _everydayCache[index] = everyday ? (sbyte)1 : (sbyte)-1;
        }
        return _everydayCache[index] > 0;
    }

    /// <summary>Records a name the gazetteer, the site or an acronym definition knows.</summary>
    private void AddFound(int first, int last, GazetteerEntry? entry, string? defined)
    {
        var candidate = new Candidate { First = first, Last = last, Name = defined ?? entry!.CanonicalName, InHeading = _inHeading };
        if (defined is not null)
        {
            candidate.Evidence.Add(new Evidence(EntityType.Organization, Weights.DefinedAcronym * 0.5, $"acronym the article defines for {defined}"));
        }
        else
        {
            candidate.Evidence.Add(FoundEvidence(entry!));
            if (entry!.Type == EntityType.Place && PlaceStands(entry, first, last, out string? context) && context is not null)
            {
                candidate.Evidence.Add(new Evidence(EntityType.Place, Weights.PlaceContext, context));
            }
            if (entry.Type == EntityType.Place)
            {
                _acceptedPlaces.Add(entry.CanonicalName);
            }
        }
        _candidates.Add(candidate);
        DefineAcronymAfter(first, last, candidate.Name);
    }

    private static readonly string[] TownReasons = [.. Enumerable.Range(0, 32).Select(log2 => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, "a {0} of over {1:N0} people (GeoNames)", log2 >= 17 ? "city" : "town", 1L << log2))];

    private static Evidence FoundEvidence(GazetteerEntry entry) => entry.Source switch
    {
        NameSource.Known when entry.Confirmed => new Evidence(entry.Type, Weights.ConfirmedByEditor, "confirmed by an editor"),
        NameSource.Known => new Evidence(entry.Type, Weights.KnownToSite, "named in earlier articles"),
        NameSource.Country => new Evidence(entry.Type, Weights.Curated, "a country"),
        NameSource.Capital => new Evidence(entry.Type, Weights.Curated, "a capital city"),
        NameSource.Region => new Evidence(entry.Type, Weights.Region, "a region in the gazetteer"),
        NameSource.Town when entry.IsLargeTown => new Evidence(entry.Type, Weights.LargeTown, TownReasons[entry.PopulationLog2]),
        NameSource.Town => new Evidence(entry.Type, Weights.TownInContext, TownReasons[Math.Max(entry.PopulationLog2, 9)]),
        _ => new Evidence(entry.Type, Weights.Curated, entry.Type == EntityType.Place ? "a well-known place" : "a well-known organisation"),
    };

    /// <summary>Every part of "Tokyo Electron and Advantest" after "chipmakers" is an organisation.</summary>
    private void FlushOrganizations(int first, int last, string descriptor)
    {
        int start = first;
        for (int i = first; i <= last + 1; i++)
        {
            if (i <= last && NameAt(i) != "and")
            {
                continue;
            }
            int end = i - 1;
            while (end >= start && IsConnector(_tokens[end].Span(_text)))
            {
                end--;
            }
            if (end >= start)
            {
                var candidate = new Candidate { First = start, Last = end, Name = NameOf(start, end), InHeading = _inHeading };
                candidate.Evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("'{0}' before the name", descriptor)));
                candidate.Evidence.AddRange(ChunkEvidence(start, end, []) ?? []);
                _candidates.Add(candidate);
                DefineAcronymAfter(start, end, candidate.Name);
            }
            start = i + 1;
        }
    }

    /// <summary>Classifies a run of unknown capitalised words and records it as a candidate if it may be a name.</summary>
    private void FlushChunk(ref int chunkStart, int chunkLast, List<string> titles, string? nationality, int demonymEnd)
    {
        int first = chunkStart;
        chunkStart = -1;
        if (first < 0)
        {
            return;
        }
        int last = chunkLast;
        while (last >= first && IsConnector(_tokens[last].Span(_text)))
        {
            last--;
        }
        if (last < first || LooksLikeTitleCaseRun(first, last))
        {
            return;
        }
        int of = SplitPersonOf(first, last);
        if (of > 0)
        {
            // "Karin Ahlgren of Lund University": a person, then where she works.
            int left = first;
            FlushChunk(ref left, of - 1, titles, nationality, demonymEnd);
            int right = of + 1;
            while (right <= last && IsConnector(_tokens[right].Span(_text)))
            {
                right++;
            }
            if (right <= last)
            {
                ProcessRun(right, last);
            }
            return;
        }
        int and = SplitAtAnd(first, last);
        if (and > 0)
        {
            // "Ivan Sokolov and Nurlan Abenov" are two names; "Trade and Industry" keeps its organisation word.
            int left = first;
            FlushChunk(ref left, and - 1, titles, nationality, demonymEnd);
            int right = and + 1;
            FlushChunk(ref right, last, [], null, -1);
            return;
        }
        var contextTitles = new List<string>(titles);
        foreach (string role in RolesAround(first, last))
        {
            contextTitles.Add(role);
        }
        int named = SkipLeadingWords(first, last, contextTitles);
        if (named > first && named < last && IsConnector(_tokens[named].Span(_text)))
        {
            // "MP for Ludlow", "Chair of Kelso": the seat or body of the role, no person named with the role.
            int rest = named;
            while (rest <= last && IsConnector(_tokens[rest].Span(_text)))
            {
                rest++;
            }
            if (rest <= last)
            {
                ProcessRun(rest, last);
            }
            return;
        }
        first = named;
        int count = last - first + 1;
        List<Evidence>? evidence = ChunkEvidence(first, last, contextTitles);
        if (evidence is null)
        {
            return;
        }
        evidence.AddRange(ContextEvidence(first, last));
        if (count > 1 && Lexicon.TeamPlaceWords.Contains(NameAt(last)))
        {
            // "Ashby Town 2-1 Kelmscott Rovers", "held 0-0 by Selby Town": a side in a result is the club, not the town.
            // In sport copy "Stockport County" and "Crawley Town" are clubs wherever they stand.
            bool result = SportsResultAfter(last) is not null || TeamResultBefore(first)
                || (last + 2 < _tokens.Count && _tokens[last + 1].Span(_text) is "who" && ResultAfterWho(last + 1));
            if (result || _sportCopy)
            {
                evidence.RemoveAll(e => e.Type == EntityType.Place && e.Weight <= Weights.PlaceWord);
                evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead,
                    Reason(result ? "'{0}' in the name of a side in a result" : "'{0}' ending a club's name in sport copy", NameAt(last))));
            }
        }
        if (count is 2 or 3 && contextTitles.Count == 0 && IsTeamNicknameAt(last) && LooksLikeNameWord(first))
        {
            // "Bristol Mariners", "Northern Stags": a club's nickname after a town or another name word, not a person.
            evidence.RemoveAll(e => e.Type != EntityType.Organization && e.Weight <= Weights.PlaceWord);
            evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead, Reason("'{0}' ending a club's name in sport copy", NameAt(last))));
        }
        if (count == 2 && contextTitles.Count == 0 && Lexicon.Directions.Contains(NameAt(first)) && _gazetteer.TryGet(NameAt(last), out GazetteerEntry region)
            && region is { Type: EntityType.Place, Source: NameSource.Region or NameSource.Country or NameSource.Town } && !_sportCopy)
        {
            // "West Yorkshire", "South Lanarkshire": a direction before a place the gazetteer knows is part of a place, though
            // "West" is also a given name. Not in sport copy, where "West Ham" is a club.
            evidence.RemoveAll(e => e.Type == EntityType.Person && e.Weight <= Weights.CommonGivenName);
            evidence.Add(new Evidence(EntityType.Place, Weights.Region, Reason("a part of {0}", region.CanonicalName)));
        }
        if (PlainWordBefore(first) is "the" && contextTitles.Count == 0)
        {
            // "the Twickenham Stoop", "the Executive Tower": people are not named with "the".
            evidence.RemoveAll(e => e.Type == EntityType.Person && e.Weight <= Weights.NameShaped);
            if (count > 1 && Lexicon.Directions.Contains(NameAt(first)) && !evidence.Exists(e => e.Type != EntityType.Person && e.Weight >= Weights.PlaceContext))
            {
                // "the West Midlands", "the North East": a part of a country, though "West" is also a given name.
                evidence.RemoveAll(e => e.Type == EntityType.Person && e.Weight <= Weights.RareGivenName);
                evidence.Add(new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'the {0} ...'", NameAt(first))));
            }
        }
        if (contextTitles.Count == 0 && last + 2 < _tokens.Count && _tokens[last + 1].Span(_text) is "which"
            && _text.AsSpan(_tokens[last].End, _tokens[last + 1].Start - _tokens[last].End) is ", ")
        {
            // "Norra Latin, which opened in 1880": "which" is said of things and places, never of people.
            evidence.RemoveAll(e => e.Type == EntityType.Person && e.Weight <= Weights.NameShaped);
        }
        if (first == _sentenceFirst && count == 1 && IsEverydayWord(first) && contextTitles.Count == 0 && !evidence.Exists(e => e.Weight >= Weights.OrganizationContext))
        {
            // "Country director ...", "Police said": an everyday word opening a sentence is no name.
            _singles.Add(new SingleWordCandidate(first, false, false, true, false, _inHeading));
            return;
        }
        if (count == 1 && !evidence.Exists(e => e.Weight >= Weights.PlaceContext))
        {
            _singles.Add(new SingleWordCandidate(first, CueFollows(last) && !AfterPreposition(first), contextTitles.Count > 0, first == _sentenceFirst, AfterPlacePreposition(first), _inHeading));
            return;
        }
        if (evidence.Count == 0)
        {
            return;
        }
        // "Norwegian Air Shuttle", "Danish Energy Agency": a demonym opens an organisation's name.
        if (demonymEnd == first - 1 && demonymEnd >= 0 && evidence.Exists(e => e.Type == EntityType.Organization && e.Weight >= Weights.OrganizationHead))
        {
            first = demonymEnd - (_gazetteer.TryGetCountryOfDemonym(NameAt(demonymEnd), out _) ? 0 : 1);
            nationality = null;
        }
        var candidate = new Candidate
        {
            First = first,
            Last = last,
            Name = NameOf(first, last),
            InHeading = _inHeading,
            Nationality = nationality,
            Age = AgeAfter(last),
            Evidence = evidence,
            Titles = contextTitles.Count > 0 ? contextTitles : null,
        };
        if (candidate.Age is { } age)
        {
            candidate.Evidence.Add(new Evidence(EntityType.Person, Weights.Age, $"age {age} given after the name"));
        }
        _candidates.Add(candidate);
        DefineAcronymAfter(first, last, candidate.Name);
    }

    /// <summary>
    /// "Chief Daniel Osei" and "Curator Hannah Doyle": leading role or everyday words before a given name
    /// are a title, not part of the name; an organisation's own words ("General Motors") stay.
    /// </summary>
    private int SkipLeadingWords(int first, int last, List<string> contextTitles)
    {
        if (HasOrganizationWord(first, last))
        {
            return first;
        }
        int named = first;
        while (named < last && ((Titles.IsRole(NameAt(named)) && !GivenNameBeforeSurname(named, last))
            || (IsEverydayWord(named) && named == _sentenceFirst && GivenNameAt(named) == 0 && !OnlyEverydayWordsAfter(named, last))
            || (named == _sentenceFirst && IsLowerCompound(named))))
        {
            named++;
        }
        if (named > first && AllNameWords(named, last))
        {
            for (int i = first; i < named; i++)
            {
                // "Met Éireann": an everyday word that opens the sentence is dropped, but it is no title.
                if (!IsLowerCompound(i) && Titles.IsRole(NameAt(i)))
                {
                    contextTitles.Add(NameAt(i).ToLowerInvariant());
                }
            }
            return named;
        }
        return first;
    }

    /// <summary>
    /// "World Athletics said", "World Rugby has": after the sentence's first word only everyday words, which name nobody
    /// alone, so the first word is no sentence-start capital to drop but the name's own.
    /// </summary>
    private bool OnlyEverydayWordsAfter(int index, int last)
    {
        for (int i = index + 1; i <= last; i++)
        {
            if (!IsEverydayWord(i) || GivenNameAt(i) > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// "substitute Dean Ashworth": a common given name that is also a role word ("Dean", "Major") is the name's
    /// first word when one more name word follows and it is no head of a reference ("the dean" is rare in news).
    /// </summary>
    private bool GivenNameBeforeSurname(int index, int last) =>
        index + 1 == last && GivenNameAt(index) >= 9 && !Titles.IsHead(_tokens[index].Span(_text)) && LooksLikeNameWord(last);

    /// <summary>"Non-league Hednesford Town", "Cash-strapped Norrhavn": a hyphenated word whose last part is lower case describes the name.</summary>
    private bool IsLowerCompound(int index)
    {
        ReadOnlySpan<char> word = _tokens[index].Span(_text);
        int hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]);
    }

    private bool AllNameWords(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (!LooksLikeNameWord(i))
            {
                return false;
            }
        }
        return true;
    }

    private bool HasOrganizationWordBesides(int first, int last, string besides)
    {
        for (int i = first; i <= last; i++)
        {
            if (NameAt(i) != besides && (Lexicon.OrganizationWords.Contains(NameAt(i)) || Lexicon.LegalSuffixes.Contains(NameAt(i))))
            {
                return true;
            }
        }
        return false;
    }

    private bool HasOrganizationWord(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (Lexicon.OrganizationWords.Contains(NameAt(i)) || Lexicon.LegalSuffixes.Contains(NameAt(i)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The person already found whose name holds every word of this run, if any.</summary>
    private EntityRecord? KnownPersonFor(int first, int last)
    {
        EntityRecord? person = _registry.PersonByWord(NameAt(last));
        if (person is null)
        {
            return null;
        }
        string[] words = person.NameWords;
        for (int i = first; i <= last; i++)
        {
            if (Array.IndexOf(words, NameAt(i)) < 0)
            {
                return null;
            }
        }
        return person;
    }

    /// <summary>Where "of" parts a person's name (a given name first, no organisation word) from an organisation or place after it.</summary>
    private int SplitPersonOf(int first, int last)
    {
        for (int i = first + 2; i < last; i++)
        {
            if (NameAt(i) != "of")
            {
                continue;
            }
            if (GivenNameAt(first) > 0 && !HasOrganizationWord(first, i - 1) && AllNameWords(first, i - 1) && !Titles.IsRole(NameAt(first)))
            {
                return i;
            }
            return -1;
        }
        return -1;
    }

    /// <summary>
    /// Where "and" parts two names. Not inside an organisation's name ("Ministry of Trade and Industry", "Marks and
    /// Spencer Group"), unless the part before "and" is whole by itself: it ends in a legal form ("Fjordlaks ASA and
    /// Hollis Group") or is a person's name ("Karin Moen and Hollis Group").
    /// </summary>
    private int SplitAtAnd(int first, int last)
    {
        int and = -1;
        int firstOrganizationWord = -1;
        for (int i = first; i <= last; i++)
        {
            string word = NameAt(i);
            if (firstOrganizationWord < 0 && (Lexicon.OrganizationWords.Contains(word) || Lexicon.LegalSuffixes.Contains(word)))
            {
                firstOrganizationWord = i;
            }
            if (word == "and" && i > first && i < last)
            {
                if (firstOrganizationWord < 0)
                {
                    and = i;
                }
                else if (firstOrganizationWord == i - 1 && Lexicon.LegalSuffixes.Contains(NameAt(i - 1)) && i - 1 > first)
                {
                    return i;
                }
            }
        }
        if (firstOrganizationWord < 0)
        {
            return and;
        }
        bool personBefore = and > first + 1 && and < firstOrganizationWord && GivenNameAt(first) > 0 && !IsEverydayWord(first)
            && AllNameWords(first, and - 1);
        return personBefore ? and : -1;
    }

    private bool LooksLikeNameWord(int index)
    {
        Token token = _tokens[index];
        string word = NameAt(index);
        if (token.IsAllCaps(_text) || Lexicon.OrdinaryWords.Contains(word) || Lexicon.NotNames.Contains(word))
        {
            return IsConnector(word);
        }
        foreach (char c in word)
        {
            if (!(char.IsLetter(c) || c is '-' or '\'' or '’' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Three or more capitalised ordinary words ("Memorandum On Technical Cooperation") are a Title Case slip, not a name.</summary>
    internal bool LooksLikeTitleCaseRun(int first, int last)
    {
        if (last - first + 1 < 3)
        {
            return false;
        }
        int ordinary = 0;
        for (int i = first; i <= last; i++)
        {
            string word = NameAt(i);
            if ((Lexicon.OrganizationWords.Contains(word) || Lexicon.PlaceWords.Contains(word)) && i == last)
            {
                return false;
            }
            if (i == first && Lexicon.OrganizationWords.Contains(word) && NameAt(first + 1) is "of")
            {
                // "Ministry of Trade and Industry", "Federation of Small Businesses": a body named for what it does.
                return false;
            }
            if (i > first && Lexicon.FunctionWords.Contains(word) && !(i < last && JoinBetween(_tokens[i], _tokens[i + 1]) == Join.Slash))
            {
                return true;
            }
            if (Lexicon.OrdinaryWords.Contains(word))
            {
                ordinary++;
            }
        }
        return ordinary >= 2;
    }

    /// <summary>"a gift shop on Strandgata, said": a word after a preposition is no speaker.</summary>
    private bool AfterPreposition(int first) =>
        PlainWordBefore(first) is "on" or "in" or "near" or "of" or "to" or "for" or "with" or "by" or "into" or "through";

    private bool AfterPlacePreposition(int first) =>
        first > 0 && _tokens[first].Start - _tokens[first - 1].End == 1 && _tokens[first - 1].Span(_text) is "at" or "from";

    private bool CueFollows(int last) =>
        last + 1 < _tokens.Count && _tokens[last + 1].Start - _tokens[last].End <= 2
        && Cues.IsCueWord(_tokens[last + 1].Span(_text));
}