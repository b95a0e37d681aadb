using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>A lone capitalised word that may name someone already met ("Putin" after "Vladimir Putin").</summary>
internal readonly record struct SingleWordCandidate(int TokenIndex, bool FollowedByCue, bool HasTitle);

internal sealed partial class EntityRecognizer
{
    /// <summary>Classifies a run of unknown capitalised words and records it as an entity if it is one.</summary>
    private void FlushChunk(ref int chunkStart, int chunkLast, List<string> titles, string? nationality)
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
        if (last < first)
        {
            return;
        }
        int count = last - first + 1;
        if (LooksLikeTitleCaseRun(first, last))
        {
            return;
        }
        List<string> contextTitles = [.. titles, .. RolesAround(first, last)];
        EntityType? type = Classify(first, last, contextTitles.Count > 0);
        if (type is null)
        {
            if (count == 1)
            {
                _singles.Add(new SingleWordCandidate(first, CueFollows(last), contextTitles.Count > 0));
            }
            return;
        }
        EntityRecord record = _registry.Named(NameOf(first, last), type.Value);
        if (type == EntityType.Person)
        {
            record.Titles.UnionWith(contextTitles);
            record.Nationality ??= nationality;
        }
        AddMention(first, last, record);
    }

    private EntityType? Classify(int first, int last, bool hasTitle)
    {
        int count = last - first + 1;
        string firstWord = NameOf(_tokens[first]);
        string lastWord = NameOf(_tokens[last]);
        for (int i = first; i <= last; i++)
        {
            if (Lexicon.OrganizationWords.Contains(NameOf(_tokens[i])))
            {
                // A lone organisation word ("Police", "Parliament") is a common noun unless the gazetteer knows it.
                return count == 1 ? null : EntityType.Organization;
            }
        }
        if (count == 1 && _tokens[first].IsAllCaps(_text))
        {
            int length = _tokens[first].Length;
            return length is >= 2 and <= 6 && !Lexicon.NotAcronyms.Contains(firstWord) ? EntityType.Organization : null;
        }
        if (count >= 2 && (Lexicon.PlaceWords.Contains(lastWord) || firstWord is "Lake" or "Mount" or "Cape" or "Gulf"))
        {
            return EntityType.Place;
        }
        if (count == 1)
        {
            return hasTitle ? EntityType.Person : null;
        }
        if (count > 4)
        {
            return null;
        }
        for (int i = first; i <= last; i++)
        {
            if (!LooksLikeNameWord(_tokens[i]))
            {
                return hasTitle ? EntityType.Person : null;
            }
        }
        return EntityType.Person;
    }

    private bool LooksLikeNameWord(Token token)
    {
        string word = NameOf(token);
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
            string word = NameOf(_tokens[i]);
            if (Lexicon.OrganizationWords.Contains(word) && i == last)
            {
                return false;
            }
            if (i > first && Lexicon.FunctionWords.Contains(word))
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
        // Appositive after the name: "Tomas Reuter, the opposition leader,"
        int j = last + 1;
        if (j + 1 < _tokens.Count && _tokens[j].Start - _tokens[last].End == 2 && _text[_tokens[last].End] == ','
            && _tokens[j].Span(_text) is "the" or "a")
        {
            for (int k = j + 1; k < _tokens.Count && k <= j + 4; k++)
            {
                ReadOnlySpan<char> word = _tokens[k].Span(_text);
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

    private bool CueFollows(int last) =>
        last + 1 < _tokens.Count && _tokens[last + 1].Start - _tokens[last].End <= 2
        && Cues.IsCueWord(_tokens[last + 1].Span(_text));

    /// <summary>Second pass: lone words matched against the people already found, or new people when a speech verb follows.</summary>
    private void ResolveSingleWords()
    {
        foreach (SingleWordCandidate candidate in _singles)
        {
            string word = NameOf(_tokens[candidate.TokenIndex]);
            EntityRecord? person = _registry.PersonByWord(word);
            if (person is null && (candidate.FollowedByCue || candidate.HasTitle) && LooksLikeNameWord(_tokens[candidate.TokenIndex]))
            {
                person = _registry.Person(word);
            }
            if (person is not null)
            {
                AddMention(candidate.TokenIndex, candidate.TokenIndex, person);
            }
        }
    }
}