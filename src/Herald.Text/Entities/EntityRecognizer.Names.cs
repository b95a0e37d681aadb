using Herald.Text.Gazetteer;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>Looking names up: the caller's entities, acronyms the article defines, and the gazetteer.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>
    /// Known names, defined acronyms and the gazetteer, longest first. A place followed by an
    /// organisation word is not a place ("Kenya Airways"), and a name never ends inside an
    /// organisation's possessive ("Norrhavn Fishermen's Association" holds no "Norrhavn Fishermen").
    /// </summary>
    private bool TryLongestName(int k, int last, out int matchedLast, out GazetteerEntry? entry, out string? defined)
    {
        int maxLast = Math.Min(last, k + _names.MaxWords - 1);
        for (int end = maxLast; end >= k; end--)
        {
            if (end < last && (IsPossessive(_tokens[end]) || JoinBetween(_tokens[end], _tokens[end + 1]) is Join.PluralPossessive or Join.Slash))
            {
                continue;
            }
            ReadOnlySpan<char> candidate = NameSpan(k, end);
            if (end == k && _names.TryDefined(candidate, out string? name))
            {
                matchedLast = end;
                entry = null;
                defined = name;
                return true;
            }
            if (_names.TryGet(candidate, out GazetteerEntry found) || TryHyphenatedPlace(k, end, out found) || TryDateline(k, end, out found))
            {
                if (found.Type != EntityType.Organization && end < last && EndsWithOrganizationWord(end + 1, last))
                {
                    break;
                }
                if (found.Type == EntityType.Organization && end < last && EndsWithOrganizationWord(end + 1, last) && found.Source != NameSource.Known)
                {
                    // "BBC Sport": a well-known organisation's own department or brand.
                    break;
                }
                if (found.Type == EntityType.Place && end == k && end + 1 < last && (Lexicon.OrganizationWords.Contains(NameAt(k)) || Lexicon.PlaceWords.Contains(NameAt(k)))
                    && NameAt(k + 1) is "of" or "for")
                {
                    // "the University of Edinburgh", "the Isle of Mull": an organisation's or a place's word that is also a town somewhere.
                    break;
                }
                if (found.Type == EntityType.Place && end == k && end < last && IsUnknownNameWord(end + 1))
                {
                    // "Sofia Marin" or "Georgia Lewis": a place name that is also a first name.
                    break;
                }
                matchedLast = end;
                entry = found;
                defined = null;
                return true;
            }
        }
        matchedLast = -1;
        entry = null;
        defined = null;
        return false;
    }

    /// <summary>Datelines shout: "ISTANBUL —" is Istanbul.</summary>
    private bool TryDateline(int k, int end, out GazetteerEntry entry)
    {
        entry = null!;
        Token token = _tokens[k];
        if (k != end || token.Length < 4 || !token.IsAllCaps(_text) || _names.TryGet(NameAt(k), out _))
        {
            return false;
        }
        string word = NameAt(k);
        string titleCase = string.Concat(word.AsSpan(0, 1), word[1..].ToLowerInvariant());
        return _names.TryGet(titleCase, out entry) && entry.Type == EntityType.Place;
    }

    /// <summary>"Oslo-listed" or "Beijing-based" name a place.</summary>
    private bool TryHyphenatedPlace(int k, int end, out GazetteerEntry entry)
    {
        entry = null!;
        if (k != end)
        {
            return false;
        }
        string word = NameAt(k);
        int hyphen = word.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1])
            && _names.TryGet(word.AsSpan(0, hyphen), out entry) && entry.Type == EntityType.Place;
    }

    private bool IsUnknownNameWord(int index)
    {
        string word = NameAt(index);
        // A small town's name does not count against it: "Sofia Marin", though Marin is a French village.
        return char.IsUpper(word[0]) && !_tokens[index].IsAllCaps(_text) && !Titles.IsRole(word) && !Lexicon.NotNames.Contains(word)
            && !Lexicon.OrganizationWords.Contains(word) && !Lexicon.PlaceWords.Contains(word)
            && !(_names.TryGet(word, out GazetteerEntry entry) && entry.Source != NameSource.Town)
            && !_gazetteer.TryGetCountryOfDemonym(word, out _);
    }

    private bool EndsWithOrganizationWord(int first, int last)
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

    private static bool MatchesInitials(ReadOnlySpan<char> acronym, string name)
    {
        int letter = 0;
        foreach (string word in name.Split(' '))
        {
            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                if (letter >= acronym.Length || acronym[letter] != word[0])
                {
                    return false;
                }
                letter++;
            }
        }
        return letter == acronym.Length;
    }

    /// <summary>"Shanghai Cooperation Organization (SCO)" makes SCO another name for what precedes it.</summary>
    private void DefineAcronymAfter(int first, int last, string name)
    {
        if (last + 1 >= _tokens.Count)
        {
            return;
        }
        Token next = _tokens[last + 1];
        Token previous = _tokens[last];
        bool bracketed = next.Start - previous.End == 2 && _text[previous.End] == ' ' && _text[previous.End + 1] == '('
            && next.End < _text.Length && _text[next.End] == ')';
        if (bracketed && next.IsAllCaps(_text) && next.Length <= 8 && name.Contains(' ', StringComparison.Ordinal)
            && (MatchesInitials(next.Span(_text), name) || EndsWithOrganizationWord(first, last)))
        {
            // "Shanghai Cooperation Organization (SCO)" or an organisation with its own acronym; not "Søren Holm (DEN)".
            _names.Define(next.Value(_text), name);
        }
    }
}