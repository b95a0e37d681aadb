using Herald.Text.Gazetteer;
using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>Typing a finished chunk: person, organisation or place, with the leading words that are no part of its name.</summary>
internal sealed partial class EntityRecognizer
{
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
        if (nationality is null && contextTitles.Count > 0)
        {
            nationality = NationalityBefore(first);
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
}