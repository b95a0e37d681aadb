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

    private bool SpaceBetween(int left, int right) =>
        right < _tokens.Count && _tokens[right].Start - _tokens[left].End == 1 && _text[_tokens[left].End] == ' ';

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