using Herald.Text.Gazetteer;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>What the words of a name and the words around it say about what it names.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>Evidence from the name itself; null when it names an event or prize, which Herald does not track.</summary>
    private List<Evidence>? ChunkEvidence(int first, int last, List<string> titles)
    {
        var evidence = new List<Evidence>();
        int count = last - first + 1;
        string firstWord = NameAt(first);
        string lastWord = NameAt(last);
        if ((Lexicon.EventWords.Contains(lastWord) || Lexicon.EventOpeners.Contains(firstWord)) && !HasOrganizationWordBesides(first, last, "League"))
        {
            // "the League Cup" is a competition, though "League One" is a league.
            return null;
        }
        if (last + 1 < _tokens.Count && SpaceBetween(last, last + 1) && _tokens[last + 1].Span(_text) is "index" or "indices" or "indexes")
        {
            // "the Hang Seng index", "the Kospi index": a share index is named for an exchange or a sponsor, and is none of the three.
            return null;
        }
        if (count <= 2 && IsDemonymLike(lastWord))
        {
            // "South Asian", "Central African": an adjective of a place, no name.
            return null;
        }
        for (int i = first; i <= last; i++)
        {
            string word = NameAt(i);
            if (Lexicon.LegalSuffixes.Contains(word) || (i == last && i > first && _tokens[i].Length == 1 && JoinBetween(_tokens[i - 1], _tokens[i]) == Join.Slash))
            {
                evidence.Add(new Evidence(EntityType.Organization, Weights.LegalSuffix, Reason("'{0}' in the name", word)));
            }
            else if (Lexicon.OrganizationWords.Contains(word) && count > 1)
            {
                // A lone organisation word ("Police", "Parliament") is a common noun unless the gazetteer knows it.
                evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead, Reason("'{0}' in the name", word)));
            }
        }
        for (int i = first; i < last; i++)
        {
            if (JoinBetween(_tokens[i], _tokens[i + 1]) == Join.Ampersand)
            {
                evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead, "'&' in the name"));
                break;
            }
        }
        if (InnerCapital(last) is { } inner)
        {
            evidence.Add(new Evidence(EntityType.Organization, Weights.InnerCapital, $"'{inner}' is written like a brand"));
        }
        if (count == 1 && Lexicon.PartyNames.Contains(firstWord) && (first != _sentenceFirst || IsPossessive(_tokens[first])
            || _text[_tokens[first].End - 1] == '\'' || (first + 1 < _tokens.Count && SpaceBetween(first, first + 1) && Lexicon.PartyVerbs.Contains(LowerAt(first + 1))))
            && !(first + 1 < _tokens.Count && SpaceBetween(first, first + 1) && StartsName(_tokens[first + 1]) && Titles.IsRole(_tokens[first + 1].Span(_text))))
        {
            // "Labour's Priya Sandhu", "the Conservatives' candidate"; not "Labour costs rose" opening a sentence, nor
            // "Labour Minister Grace Mensah", a ministry's portfolio.
            evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationHead, Reason("'{0}' is a party", firstWord)));
        }
        if (count == 1 && _tokens[first].IsAllCaps(_text))
        {
            int length = _tokens[first].Length;
            // "GOAL!", "BREAKING": a live-blog shouts an everyday word; an acronym is no word.
            bool shouted = length >= 4 && _gazetteer.IsCommonWord(firstWord);
            if (length is >= 2 and <= 6 && !Lexicon.NotAcronyms.Contains(firstWord) && !shouted)
            {
                evidence.Add(new Evidence(EntityType.Organization, Weights.Acronym, "an acronym"));
            }
            return evidence;
        }
        if (count >= 2 && (Lexicon.PlaceWords.Contains(lastWord) || Lexicon.PlaceOpeners.Contains(firstWord)))
        {
            evidence.Add(new Evidence(EntityType.Place, Weights.PlaceWord, Reason("'{0}' in the name", Lexicon.PlaceWords.Contains(lastWord) ? lastWord : firstWord)));
        }
        if (count > 1 && evidence.Count == 0 && first == _sentenceFirst && !_titleCaseHeading && OnlyEverydayWordsAfter(first - 1, last)
            && last + 1 < _tokens.Count && SpaceBetween(last, last + 1) && LowerAt(last + 1) is "says" or "said" or "has" or "announced" or "confirmed" or "warned")
        {
            // "World Athletics said", "World Rugby has": capitalised dictionary words that speak or act are a body's name;
            // people's names are not made of dictionary words alone.
            evidence.Add(new Evidence(EntityType.Organization, Weights.OrganizationContext * 0.9, Reason("everyday words named as the subject of '{0}'", LowerAt(last + 1))));
        }
        if (titles.Count > 0 && AllNameWords(first, last) && !HasOrganizationWord(first, last))
        {
            evidence.Add(new Evidence(EntityType.Person, Weights.Title, Reason("title '{0}' beside the name", titles[0])));
        }
        if (count > 4 || !AllNameWords(first, last))
        {
            return evidence;
        }
        int commonness = GivenNameAt(first);
        if (commonness > 0 && count > 1)
        {
            // "Savanna Orbital", "Aurelia Grid": a given name before an everyday word is as often a brand.
            double weight = commonness >= 10 ? Weights.CommonGivenName : Weights.RareGivenName;
            evidence.Add(new Evidence(EntityType.Person, IsEverydayWord(last) ? weight * 0.6 : weight, Reason("'{0}' is a given name", firstWord)));
        }
        if (count > 1 && Lexicon.HasSurnameEnding(lastWord) && !Lexicon.OrganizationWords.Contains(lastWord))
        {
            evidence.Add(new Evidence(EntityType.Person, Weights.SurnameEnding, Reason("'{0}' has a surname's ending", lastWord)));
        }
        // Mid-sentence capitals mark a name even when a word is also an everyday one ("Bent Larsen");
        // at a sentence start or in a Title Case headline they mark nothing.
        bool everyday = AnyEverydayWord(first, last);
        if (count > 1 && evidence.Count == 0 && (!everyday || (first != _sentenceFirst && !_titleCaseHeading)))
        {
            evidence.Add(new Evidence(EntityType.Person, Weights.NameShaped, "two or more capitalised words"));
        }
        return evidence;
    }

    /// <summary>A verb that sends something, with one to three plain words (its object) before the "to" at index.</summary>
    private string? SendingVerbBefore(int to)
    {
        if (PlainWordBefore(to) is null)
        {
            return null;
        }
        for (int i = to - 2; i >= 0 && i >= to - 4; i--)
        {
            if (PlainWordBefore(i + 1) is not { } word)
            {
                return null;
            }
            if (Lexicon.SendingVerbs.Contains(word))
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>"Shannon Airport", "Port of Tilbury", "Dover Harbour": a place run by a body that can speak for it.</summary>
    private bool SpeakingFacility(int first, int last) =>
        NameAt(last) is "Airport" or "Port" or "Harbour" or "Harbor" || (NameAt(first) is "Port" && NameAt(first + 1) is "of");

    /// <summary>"Asian", "African", "European": a place's name with an adjective ending.</summary>
    private bool IsDemonymLike(string word)
    {
        if (_gazetteer.TryGetCountryOfDemonym(word, out _))
        {
            return true;
        }
        foreach (string ending in (ReadOnlySpan<string>)["n", "an", "ese", "ian"])
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal)
                && _gazetteer.TryGet(word.AsSpan(0, word.Length - ending.Length), out Gazetteer.GazetteerEntry entry)
                && entry.Type == EntityType.Place && entry.Source != Gazetteer.NameSource.Town)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"InBev", "AerCap", "EirGrid": a capital inside a word, as brands write them (not "McDonald" or "DeSouza").</summary>
    private string? InnerCapital(int index)
    {
        ReadOnlySpan<char> word = _tokens[index].Span(_text);
        if (_tokens[index].IsAllCaps(_text))
        {
            return null;
        }
        for (int i = 2; i < word.Length - 1; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]) && char.IsLetter(word[i - 2]))
            {
                ReadOnlySpan<char> prefix = word[..i];
                int start = prefix.LastIndexOfAny('-', '\'', '’') + 1;
                prefix = prefix[start..];
                bool surnamePrefix = prefix is "Mc" or "Mac" or "De" or "Di" or "Da" or "Le" or "La" or "Van" or "Von" or "Du" or "Fitz" or "St";
                return surnamePrefix ? null : word.ToString();
            }
        }
        return null;
    }

    private bool AnyEverydayWord(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (IsEverydayWord(i))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How common the word is as a given name (a power of two of babies named so), 0 when it is none or an everyday word.</summary>
    private int GivenNameAt(int index)
    {
        if (index >= _tokens.Count || _tokens[index].IsNumber)
        {
            return 0;
        }
        if (_givenNameCache[index] == 0)
        {
            ReadOnlySpan<char> word = _tokens[index].Span(_text);
            int found = 0;
            if (_gazetteer.IsGivenName(word, out _, out int commonness))
            {
                // "Will", "Mark", "Hope": given names that are also everyday words count less.
                found = _gazetteer.IsCommonWord(word) ? Math.Min(commonness, 9) : commonness;
            }
            _givenNameCache[index] = (sbyte)(found == 0 ? -1 : found);
        }
        return Math.Max(0, (int)_givenNameCache[index]);
    }

    /// <summary>'f' or 'm' when the first word is a name given almost only to girls or to boys.</summary>
    private char? GenderOfGivenName(int index)
    {
        if (!_gazetteer.IsGivenName(_tokens[index].Span(_text), out double female, out int commonness) || commonness < 8)
        {
            return null;
        }
        return female >= 0.9 ? 'f' : female <= 0.1 ? 'm' : null;
    }

    /// <summary>Evidence from the words around a name.</summary>
    private IEnumerable<Evidence> ContextEvidence(int first, int last)
    {
        string? before = PlainWordBefore(first);
        string? before2 = before is null ? null : PlainWordBefore(first - 1);
        if (before is not null && before2 is not null && Lexicon.OrganizationPeople.Contains(before2) && before is "at" or "for" or "of" or "in")
        {
            // "analysts at Goldman Sachs", "shares in Nordic Wings", "a spokeswoman for Acme".
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, $"'{before2} {before}' before the name");
        }
        else if (before is "for" && before2 is not null && Lexicon.TurnsOutFor.Contains(before2))
        {
            // "rides for Velo Brabant", "plays for Harwood": a team.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, $"'{before2} for' before the name");
        }
        else if (before is "from" && DealBefore(first - 1) is { } deal)
        {
            // "signed the winger from Yokohama", "a bid from Leverkusen", "ordered 40 jets from Airbus": the other side of a deal.
            // A person can sell too, so a given name still outweighs this.
            yield return new Evidence(EntityType.Organization, Weights.InnerCapital, Reason("'{0} ... from' before the name", deal));
        }
        else if (!(first == last && (Lexicon.Languages.Contains(NameAt(first)) || _gazetteer.TryGetCountryOfDemonym(NameAt(first), out _)))
            && PlaceContextBefore(first) is { } placeContext)
        {
            yield return placeContext;
        }
        if (last + 1 >= _tokens.Count)
        {
            yield break;
        }
        if (SideInFixture(first, last) is { } fixture)
        {
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, fixture);
        }
        else if (TickerAfter(last))
        {
            // "Brantwood Holdings (LSE: BWH)": only a listed company has a ticker.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationHead, "a stock ticker after the name");
        }
        else if (first == last && first == _sentenceFirst && IsEverydayWord(first))
        {
            // "Sales rose 6%": an everyday word opening a sentence is no company.
        }
        else if (MarketMoveAfter(last) is { } move)
        {
            // "Rolls-Royce slipped 1%", "Barratt Redrow rose 3%": a share price moves, not a person or a town.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("'{0}' by a percentage after the name", move));
        }
        if (last > first && SpeakingFacility(first, last) && CueFollows(last))
        {
            // "Shannon Airport says", "the Port of Antwerp-Bruges said": the body that runs the place speaks, as a seat
            // of government does ("the Kremlin said").
            yield return new Evidence(EntityType.Organization, Weights.LegalSuffix, "an airport or port that speaks");
        }
        Token end = _tokens[last];
        Token next = _tokens[last + 1];
        string nextWord = next.Value(_text);
        int gap = next.Start - end.End;
        if (IsPossessive(end) && gap == 1)
        {
            if (Lexicon.OrganizationPossessions.Contains(nextWord))
            {
                yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, $"its '{nextWord}'");
            }
            else if (Lexicon.PlacePossessions.Contains(nextWord))
            {
                yield return new Evidence(EntityType.Place, Weights.PlaceContext, $"its '{nextWord}'");
            }
        }
        else if (gap == 2 && _text[end.End] == ',' && nextWord is "the" or "a" or "an")
        {
            for (int i = last + 2; i < _tokens.Count && i <= last + 5 && PlainWordBefore(i) is not null; i++)
            {
                string word = LowerAt(i);
                if (Lexicon.OrganizationDescriptors.Contains(word))
                {
                    yield return new Evidence(EntityType.Organization, Weights.Employer, $"'{nextWord} {word}' beside the name");
                    break;
                }
                if (Titles.IsRole(word) || word is "at" or "of" or "in" or "for" or "with" or "from" or "who" or "which" or "that")
                {
                    // "Arjun Mehra, an economist at a bank": the appositive describes a person; the bank is someone else.
                    break;
                }
                if (Lexicon.PlaceNouns.Contains(word))
                {
                    yield return new Evidence(EntityType.Place, Weights.OrganizationContext, $"'{nextWord} {word}' beside the name");
                    break;
                }
            }
        }
        else if (gap == 2 && _text[end.End] == ',' && WhereaboutsAfter(last + 1) is { } whereabouts)
        {
            // "Burnsall, further downstream, escaped the worst": only a place lies downstream.
            yield return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("', {0}' after the name", whereabouts));
        }
        else if (gap == 2 && _text[end.End] == ',' && nextWord is "which" && BusinessVerbAfterWhich(last + 2))
        {
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("', which {0}' after the name", LowerAt(last + 2)));
        }
        else if (gap == 2 && _text[end.End] == ',' && nextWord is "who" && ResultAfterWho(last + 1))
        {
            // "leaders Grimsby Borough, who were held 0-0": a side with a team score, not a person.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, "', who' and a team's result after the name");
        }
        else if (gap == 2 && _text[end.End] == ',' && nextWord is "who")
        {
            yield return new Evidence(EntityType.Person, Weights.Pronoun, "', who' after the name");
        }
        else if (gap == 1 && nextWord is "have" or "are" or "were" && (before is null || first == _sentenceFirst) && !EndsList(first)
            && !(first == last && OpensSentence(first) && PluralEverydayWord(first)))
        {
            // British copy: "Celtic have signed", "Fulham are close" — a team or company, never one person.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext * 0.9, $"'{nextWord}' after a single name");
        }
        else if (gap == 1 && !Titles.IsRole(NameAt(last)) && !(first == last && first == _sentenceFirst && IsEverydayWord(first))
            && EmployerRoleAfter(last) is { } role)
        {
            // Not for "Rugby captain Sam O'Connor" or "Film director Sofia Marin": an everyday word opening a sentence.
            yield return role;
        }
        else if (gap == 1 && Lexicon.PlaceFollowers.Contains(nextWord))
        {
            yield return new Evidence(EntityType.Place, Weights.PlaceContext, $"'{nextWord}' after the name");
        }
        else if (first == last && PlainWordBefore(first) is "the" && RiverVerbAfter(last + 1) is { } verb)
        {
            // "the Teme burst its banks", "the Lugg has flooded fields": a river named without the word.
            yield return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("'{0}' after 'the' and the name", verb));
        }
        else if (PlaceKindAfterList(last) is { } kind)
        {
            yield return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("listed before '{0}'", kind));
        }
        else if (!(first == last && IsEverydayWord(first)) && OrganizationKindAfter(last) is { } organizationKind)
        {
            // "the Fennick and Hartley Home brands", "the Hollis chain": names before a kind of business.
            yield return new Evidence(EntityType.Organization, Weights.OrganizationContext, Reason("named before '{0}'", organizationKind));
        }
        else if (SportsResultAfter(last) is { } result)
        {
            yield return result;
        }
        else if (ResultsReportedAfter(last) is { } results)
        {
            yield return results;
        }
        else if (gap == 2 && _text[end.End] == ',' && nextWord is "in" && GivenNameAt(first) == 0 && CommaThenPlace(last) is { } holder)
        {
            // "Henningsvær, in Lofoten": a place inside another; not "Karin Moen, in Oslo", a person where she is.
            yield return new Evidence(EntityType.Place, Weights.PlaceContext, Reason("in {0}", holder));
        }
    }

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

    /// <summary>"(LSE: BWH)", "(NASDAQ: QNTR)" right after the name: an exchange and a ticker in brackets.</summary>
    private bool TickerAfter(int last)
    {
        int exchange = last + 1;
        return exchange + 1 < _tokens.Count && _text.AsSpan(_tokens[last].End, _tokens[exchange].Start - _tokens[last].End) is " ("
            && IsTickerAt(exchange);
    }

    /// <summary>
    /// Whether the token is the exchange or the code of a ticker in brackets, "(LSE: BWH)": codes, not names.
    /// </summary>
    private bool IsTickerAt(int index)
    {
        if (index < 1 || index >= _tokens.Count || !_tokens[index].IsAllCaps(_text))
        {
            return false;
        }
        Token token = _tokens[index];
        bool opens = _text[token.Start - 1] == '(';
        if (opens)
        {
            // The exchange: "(LSE:" and then the code.
            return token.End < _text.Length && _text[token.End] == ':' && index + 1 < _tokens.Count && _tokens[index + 1].IsAllCaps(_text)
                && _tokens[index + 1].Start - token.End <= 2;
        }
        Token exchange = _tokens[index - 1];
        ReadOnlySpan<char> between = _text.AsSpan(exchange.End, token.Start - exchange.End);
        return between is ": " or ":" && exchange.IsAllCaps(_text) && _text[exchange.Start - 1] == '('
            && token.End < _text.Length && _text[token.End] is ')' or '.';
    }

    /// <summary>"slipped 1%", "rose 3 per cent": how a share price moves, right after the name.</summary>
    private string? MarketMoveAfter(int last)
    {
        int verb = last + 1;
        if (!SpaceBetween(last, verb) || !Lexicon.MarketVerbs.Contains(LowerAt(verb)))
        {
            return null;
        }
        int number = verb + 1;
        if (number < _tokens.Count && !_tokens[number].IsNumber && SpaceBetween(verb, number) && LowerAt(number) is "by" or "nearly" or "almost" or "about" or "more")
        {
            number++;
        }
        if (number >= _tokens.Count || !_tokens[number].IsNumber || _tokens[number].Start - _tokens[verb].End > 2)
        {
            return null;
        }
        Token figure = _tokens[number];
        int end = figure.End;
        while (end < _text.Length && end < figure.End + 4 && (char.IsDigit(_text[end]) || _text[end] is '.'))
        {
            end++;
        }
        bool percent = end < _text.Length && (_text[end] == '%'
            || _text.AsSpan(end).StartsWith(" per cent", StringComparison.Ordinal) || _text.AsSpan(end).StartsWith(" percent", StringComparison.Ordinal));
        return percent ? LowerAt(verb) : null;
    }

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

    /// <summary>First word of its sentence, or first after a live-blog time ("14:40 Pickets are out").</summary>
    private bool OpensSentence(int index)
    {
        for (int i = _sentenceFirst; i >= 0 && i < index; i++)
        {
            if (!_tokens[i].IsNumber)
            {
                return false;
            }
        }
        return _sentenceFirst >= 0 && _sentenceFirst <= index;
    }

    /// <summary>"Pickets are out", "Farmers have": a plural everyday noun opening a sentence, not a side ("Rovers have").</summary>
    private bool PluralEverydayWord(int index)
    {
        string word = NameAt(index);
        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && (IsEverydayWord(index) || (_gazetteer.IsCommonWord(word.AsSpan(0, word.Length - 1)) && !_gazetteer.IsGivenName(word)))
            && !Lexicon.ClubWords.Contains(word);
    }

    /// <summary>
    /// "Mossgate, which runs co-working spaces", "Fernbrook, which makes software": what a business does.
    /// Not "the Wharfe, which runs through Ilkley": a verb of motion before a preposition is a river's.
    /// </summary>
    private bool BusinessVerbAfterWhich(int verb)
    {
        if (verb + 1 >= _tokens.Count || !SpaceBetween(verb - 1, verb) || !Lexicon.BusinessVerbs.Contains(LowerAt(verb)))
        {
            return false;
        }
        string next = LowerAt(verb + 1);
        return !(LowerAt(verb) is "runs" or "ran" && (Lexicon.PlacePrepositions.Contains(next) || next is "from" or "to" or "along" or "past" or "down" or "up" or "for" or "out"));
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

    private bool SpaceBetween(int left, int right) =>
        right < _tokens.Count && _tokens[right].Start - _tokens[left].End == 1 && _text[_tokens[left].End] == ' ';

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

    /// <summary>"Aston Villa manager Unai Barrena", "Cal Fire battalion chief Roberto Mendez": the name is the employer.</summary>
    private Evidence? EmployerRoleAfter(int last)
    {
        for (int i = last + 1; i < _tokens.Count && i <= last + 3; i++)
        {
            if (PlainWordBefore(i) is null || _tokens[i].IsNumber)
            {
                return null;
            }
            if (char.IsUpper(_text[_tokens[i].Start]))
            {
                return null;
            }
            string word = LowerAt(i);
            bool nameFollows = i + 1 < _tokens.Count && PlainWordBefore(i + 1) is not null && StartsName(_tokens[i + 1]);
            if (Lexicon.EmployeeRoles.Contains(word) && nameFollows)
            {
                return new Evidence(EntityType.Organization, Weights.Employer, $"its {word} is named after it");
            }
            if (Lexicon.PlaceRoles.Contains(word) && nameFollows)
            {
                return new Evidence(EntityType.Place, Weights.PlaceContext, $"its {word} is named after it");
            }
        }
        return null;
    }

    /// <summary>"Okafor and Serrano have": the second of two names shares the verb with the first.</summary>
    private bool EndsList(int first) => first > 0 && _tokens[first].Start - _tokens[first - 1].End == 2 && _text[_tokens[first - 1].End] == ',';

    /// <summary>The word right before the token, lower-cased, when only one space separates them.</summary>
    private string? PlainWordBefore(int index)
    {
        if (index <= 0 || index >= _tokens.Count || _tokens[index].Start - _tokens[index - 1].End != 1 || _text[_tokens[index - 1].End] != ' ')
        {
            return null;
        }
        return _tokens[index - 1].IsNumber ? null : LowerAt(index - 1);
    }

    private string LowerAt(int index)
    {
        if (_lowerCache[index] is { } cached)
        {
            return cached;
        }
        ReadOnlySpan<char> word = _tokens[index].Span(_text);
        bool lower = true;
        foreach (char c in word)
        {
            lower &= !char.IsUpper(c);
        }
        // Most words are lower case already: reuse the name string instead of building another.
        return _lowerCache[index] = lower ? NameOrValue(index) : word.ToString().ToLowerInvariant();
    }

    private string NameOrValue(int index) => IsPossessive(_tokens[index]) ? _tokens[index].Value(_text) : NameAt(index);

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

    /// <summary>"Hartley Home brands", "the Fennick and Hartley Home brands": a kind of business right after the name or after a list ending in it.</summary>
    private string? OrganizationKindAfter(int last)
    {
        int next = last + 1;
        if (next >= _tokens.Count || PlainWordBefore(next) is null)
        {
            return null;
        }
        if (Lexicon.OrganizationKinds.Contains(LowerAt(next)) && char.IsLower(_text[_tokens[next].Start]))
        {
            return LowerAt(next);
        }
        if (_tokens[next].Span(_text) is not ("and" or "or"))
        {
            return null;
        }
        for (int k = next + 1; k < _tokens.Count && k <= next + 4; k++)
        {
            if (PlainWordBefore(k) is null)
            {
                return null;
            }
            if (!StartsName(_tokens[k]))
            {
                return k > next + 1 && Lexicon.OrganizationKinds.Contains(LowerAt(k)) ? LowerAt(k) : null;
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

    /// <summary>"the railway operator Kazakhstan Temir Zholy", "lessor AerCap": a word for a kind of organisation right before.</summary>
    private string? OrganizationDescriptorBefore(int first)
    {
        string? before = PlainWordBefore(first);
        return before is not null && Lexicon.OrganizationDescriptors.Contains(before) ? before : null;
    }

    /// <summary>"Graham Pell, 54, of Matlock": an age right after the name.</summary>
    private int? AgeAfter(int last)
    {
        if (last < 0 || last + 1 >= _tokens.Count)
        {
            return null;
        }
        Token end = _tokens[last];
        Token next = _tokens[last + 1];
        if (!next.IsNumber || next.Start - end.End != 2 || _text[end.End] != ',' || next.End >= _text.Length || _text[next.End] != ',')
        {
            return null;
        }
        return int.TryParse(next.Span(_text), out int age) && age is > 0 and < 120 ? age : null;
    }
}