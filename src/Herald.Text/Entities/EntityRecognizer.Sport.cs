using Herald.Text.Gazetteer;

namespace Herald.Text.Entities;

/// <summary>Sides, clubs, fixtures, scores and deals: what sport copy says about a name.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>
    /// In sport copy, a town on either side of a fixture verb is its club: "Appleby travel to Penrith", "Leicester
    /// host Sale Sharks". A town's own verb would be singular ("hosts"); the plural is British copy's for a team.
    /// Only towns the gazetteer knows, so a player named by surname ("Alcaraz faces Sinner") is never touched.
    /// </summary>
    private string? SideInFixture(int first, int last)
    {
        if (!_sportCopy || first != last || !IsTown(first))
        {
            return null;
        }
        int verb = last + 1;
        if (SpaceBetween(last, verb) && Lexicon.FixtureVerbs.Contains(LowerAt(verb)) && !LowerAt(verb).EndsWith('s'))
        {
            int other = verb + 1;
            if (other < _tokens.Count && SpaceBetween(verb, other) && _tokens[other].Span(_text) is "to")
            {
                other++;
            }
            if (other < _tokens.Count && SpaceBetween(other - 1, other) && StartsName(_tokens[other]))
            {
                return Reason("'{0}' another side after the name", LowerAt(verb));
            }
        }
        int before = first - 1;
        if (before >= 1 && _tokens[before].Span(_text) is "to" && PlainWordBefore(first) is "to")
        {
            before--;
        }
        if (before >= 1 && PlainWordBefore(before + 1) is not null && Lexicon.FixtureVerbs.Contains(LowerAt(before)) && !LowerAt(before).EndsWith('s')
            && PlainWordBefore(before) is not null && (IsTown(before - 1) || LooksLikeClubAt(before - 1) || LooksLikeSideAt(before - 1)))
        {
            return Reason("a side '{0}' the name", LowerAt(before));
        }
        return null;
    }

    /// <summary>A town or city the gazetteer knows (not a country or region: national sides and counties differ).</summary>
    private bool IsTown(int index) =>
        index >= 0 && index < _tokens.Count && StartsName(_tokens[index]) && _gazetteer.TryGet(NameAt(index), out GazetteerEntry entry)
        && entry.Type == EntityType.Place && entry.Source is NameSource.Town or NameSource.Capital or NameSource.Known;

    /// <summary>A capitalised word that is no everyday word or given name: with a plural verb after it, a side.</summary>
    private bool LooksLikeSideAt(int index) =>
        index >= 0 && StartsName(_tokens[index]) && !IsEverydayWord(index) && GivenNameAt(index) == 0 && LooksLikeNameWord(index);

    /// <summary>The last word of a club's name ("Rovers", "Celtic", "Sharks" is not known; "Town" in sport copy is).</summary>
    private bool LooksLikeClubAt(int index) =>
        index >= 0 && index < _tokens.Count && (Lexicon.ClubWords.Contains(NameAt(index)) || Lexicon.TeamPlaceWords.Contains(NameAt(index)));

    /// <summary>
    /// In sport copy, a capitalised plural of an everyday noun after a town or another name word is a club's nickname
    /// ("Exeter Chiefs", "Hereford Wolves", "Northern Stags"): people and towns are not named with one.
    /// </summary>
    private bool IsTeamNicknameAt(int index)
    {
        if (!_sportCopy || index < 1 || index >= _tokens.Count || _tokens[index].Length < 4 || IsPossessive(_tokens[index])
            || _tokens[index].IsAllCaps(_text) || !StartsName(_tokens[index]))
        {
            return false;
        }
        string word = NameAt(index);
        return word[^1] == 's' && word[^2] != 's' && !Lexicon.LandscapePlurals.Contains(word) && !Lexicon.PlaceWords.Contains(word)
            && !Lexicon.OrganizationWords.Contains(word) && !Lexicon.NotNames.Contains(word) && !Lexicon.EventWords.Contains(word)
            && (_gazetteer.IsCommonWord(word) || _gazetteer.IsCommonWord(word.AsSpan(0, word.Length - 1))) && !_gazetteer.IsGivenName(word);
    }

    /// <summary>"who were held 0-0", "who lost 3-1": a result verb and one team score after "who".</summary>
    private bool ResultAfterWho(int who)
    {
        int k = who + 1;
        if (k < _tokens.Count && LowerAt(k) is "were" or "was" or "are" or "is" or "have" or "had")
        {
            k++;
        }
        if (k + 1 >= _tokens.Count || !Lexicon.ResultVerbs.Contains(LowerAt(k)))
        {
            return false;
        }
        return IsTeamScoreAt(k + 1) || (k + 2 < _tokens.Count && !_tokens[k + 1].IsNumber && IsTeamScoreAt(k + 2));
    }

    /// <summary>"Fjordlaks posted a pre-tax profit", "Nordvik cut its forecast": only a business has results.</summary>
    private Evidence? ResultsReportedAfter(int last)
    {
        int verb = last + 1;
        if (!SpaceBetween(last, verb))
        {
            return null;
        }
        string word = LowerAt(verb);
        bool reports = Lexicon.ResultsVerbs.Contains(word);
        bool changes = Lexicon.ForecastVerbs.Contains(word);
        if (!reports && !changes)
        {
            return null;
        }
        bool its = false;
        for (int k = verb + 1; k < _tokens.Count && k <= verb + 4 && PlainWordBefore(k) is not null; k++)
        {
            string next = LowerAt(k);
            its |= next is "its";
            if ((reports && Lexicon.ResultsNouns.Contains(next)) || (changes && its && Lexicon.ForecastNouns.Contains(next)))
            {
                return new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("its {0} reported", next));
            }
        }
        return null;
    }

    /// <summary>
    /// "Harlequins beat Saracens 38-36", "beat Northgate Rovers 3-1": the sides of a result with one score are teams.
    /// Tennis and other contests between people give a score per set ("6-4 6-3"), which this leaves alone.
    /// </summary>
    private Evidence? SportsResultAfter(int last)
    {
        int next = last + 1;
        if (!SpaceBetween(last, next))
        {
            return null;
        }
        if (IsTeamScoreAt(next))
        {
            return new Evidence(EntityType.Organization, Weights.OrganizationContext, "a score after the name");
        }
        if (!Lexicon.ResultVerbs.Contains(LowerAt(next)))
        {
            return null;
        }
        int k = next + 1;
        if (k < _tokens.Count && PlainWordBefore(k) is not null && _tokens[k].Span(_text) is "with" or "to" or "by")
        {
            k++;
        }
        int names = 0;
        while (k < _tokens.Count && names < 4 && PlainWordBefore(k) is not null && StartsName(_tokens[k]))
        {
            k++;
            names++;
        }
        if (names == 0 && k == next + 1 && SpaceBetween(next, k) && IsTeamScoreAt(k))
        {
            // "Rovers drew 2-2", "Kestrels won 31-12".
            return new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("'{0}' by a score", LowerAt(next)));
        }
        return names > 0 && k < _tokens.Count && SpaceBetween(k - 1, k) && IsTeamScoreAt(k)
            ? new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("'{0}' another side by a score", LowerAt(next)))
            : null;
    }

    /// <summary>A word of buying, signing or bidding a few words before "from", in the same clause.</summary>
    private string? DealBefore(int from)
    {
        for (int i = from - 1; i >= 0 && i >= from - 6; i--)
        {
            if (!SpaceBetween(i, i + 1))
            {
                return null;
            }
            string word = LowerAt(i);
            if (Lexicon.DealWords.Contains(word))
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>Whether the name is the other side of a result before it: "a 3-1 win over X", "held 0-0 by X".</summary>
    private bool TeamResultBefore(int first) =>
        PlainWordBefore(first) is "over" or "against" or "by" or "to" or "at" or "with" && ScoreResultBefore(first - 1) is not null;

    /// <summary>"a 3-1 win over", "their 2-0 defeat by", "held 0-0 by", "lost 2-0 to": a team result right before the preposition at index.</summary>
    private string? ScoreResultBefore(int preposition)
    {
        if (preposition >= 3 && _tokens[preposition - 1].IsNumber && IsTeamScoreAt(preposition - 2)
            && SpaceBetween(preposition - 3, preposition - 2) && Lexicon.ResultVerbs.Contains(LowerAt(preposition - 3)))
        {
            return LowerAt(preposition - 3);
        }
        int noun = preposition - 1;
        if (noun < 2 || !SpaceBetween(noun, preposition) || !Lexicon.ResultNouns.Contains(LowerAt(noun)))
        {
            return null;
        }
        int score = noun - 1;
        while (score > noun - 3 && score > 1 && !_tokens[score].IsNumber)
        {
            score--;
        }
        return _tokens[score].IsNumber && IsTeamScoreAt(score - 1) ? LowerAt(noun) : null;
    }

    /// <summary>"3-1" (one score, not one of several sets).</summary>
    private bool IsTeamScoreAt(int index)
    {
        if (!IsScoreAt(index))
        {
            return false;
        }
        int after = index + 2;
        return !(after < _tokens.Count && _tokens[after].Start - _tokens[index + 1].End <= 2 && IsScoreAt(after));
    }

    private bool IsScoreAt(int index)
    {
        if (index + 1 >= _tokens.Count || !_tokens[index].IsNumber || !_tokens[index + 1].IsNumber
            || _tokens[index].Length > 3 || _tokens[index + 1].Length > 3)
        {
            return false;
        }
        ReadOnlySpan<char> between = _text.AsSpan(_tokens[index].End, _tokens[index + 1].Start - _tokens[index].End);
        return between is "-" or "–";
    }
}