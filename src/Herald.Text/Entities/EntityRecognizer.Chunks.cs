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
        if (first < last && BasedPlaceAt(first))
        {
            // "the Leeds-based Crossfield Transport Group plc": the town where it is based, then the organisation.
            first++;
        }
        string? descriptor = OrganizationDescriptorBefore(first, last);
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
        if (before is "of" && k - 2 == chunkStart && Lexicon.WaterAndLandForms.Contains(NameAt(chunkStart)))
        {
            // "Gulf of Finland", "Bay of Biscay", "Isle of Man": the landform named for the place is one place.
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

    /// <summary>"Leeds-based": a known place joined to "-based" (or "-headquartered") is recorded as the place.</summary>
    private bool BasedPlaceAt(int index)
    {
        ReadOnlySpan<char> word = _tokens[index].Span(_text);
        int hyphen = word.LastIndexOf('-');
        if (hyphen <= 0 || word[(hyphen + 1)..] is not ("based" or "headquartered")
            || !_gazetteer.TryGet(word[..hyphen], out GazetteerEntry entry) || entry.Type != EntityType.Place)
        {
            return false;
        }
        var place = new Candidate { First = index, Last = index, Name = entry.CanonicalName, InHeading = _inHeading };
        place.Evidence.Add(FoundEvidence(entry));
        place.Evidence.Add(new Evidence(EntityType.Place, Weights.PlaceContext, "where an organisation is based"));
        _candidates.Add(place);
        _acceptedPlaces.Add(entry.CanonicalName);
        return true;
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
}