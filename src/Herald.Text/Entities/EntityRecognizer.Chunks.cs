using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>A lone capitalised word that may name someone already met ("Putin" after "Vladimir Putin").</summary>
internal readonly record struct SingleWordCandidate(int TokenIndex, bool FollowedByCue, bool HasTitle, bool StartsSentence, bool AfterPlacePreposition);

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
        int and = SplitAtAnd(first, last);
        if (and > 0)
        {
            // "Ivan Sokolov and Nurlan Abenov" are two names; "Trade and Industry" keeps its organisation word.
            int left = first;
            FlushChunk(ref left, and - 1, titles, nationality);
            int right = and + 1;
            FlushChunk(ref right, last, [], null);
            return;
        }
        List<string> contextTitles = [.. titles, .. RolesAround(first, last)];
        // "Chief Daniel Osei": a leading role word is a title, unless the run names an organisation ("General Motors").
        int named = first;
        while (named < last && Titles.IsRole(NameAt(named)) && !HasOrganizationWord(first, last))
        {
            named++;
        }
        if (named > first && AllNameWords(named, last))
        {
            for (; first < named; first++)
            {
                contextTitles.Add(NameAt(first).ToLowerInvariant());
            }
        }
        count = last - first + 1;
        EntityType? type = Classify(first, last, contextTitles.Count > 0);
        if (type is null)
        {
            if (count == 1)
            {
                _singles.Add(new SingleWordCandidate(first, CueFollows(last), contextTitles.Count > 0, first == _sentenceFirst, AfterPlacePreposition(first)));
            }
            return;
        }
        if (_inHeading && type == EntityType.Person)
        {
            if (KnownPersonFor(first, last) is { } known)
            {
                AddMention(first, last, known);
            }
            return;
        }
        EntityRecord record = _registry.Named(NameOf(first, last), type.Value);
        if (type == EntityType.Person)
        {
            record.Titles.UnionWith(contextTitles);
            foreach (string title in contextTitles)
            {
                record.Gender ??= Titles.GenderOf(title);
            }
            record.Nationality ??= nationality;
        }
        AddMention(first, last, record);
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

    private bool HasOrganizationWord(int first, int last)
    {
        for (int i = first; i <= last; i++)
        {
            if (Lexicon.OrganizationWords.Contains(NameAt(i)))
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

    private int SplitAtAnd(int first, int last)
    {
        int and = -1;
        for (int i = first + 1; i < last; i++)
        {
            string word = NameAt(i);
            if (Lexicon.OrganizationWords.Contains(word))
            {
                return -1;
            }
            if (word == "and")
            {
                and = i;
            }
        }
        return and;
    }

    private EntityType? Classify(int first, int last, bool hasTitle)
    {
        int count = last - first + 1;
        string firstWord = NameAt(first);
        string lastWord = NameAt(last);
        for (int i = first; i <= last; i++)
        {
            if (Lexicon.OrganizationWords.Contains(NameAt(i)))
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
        if (Lexicon.EventWords.Contains(lastWord))
        {
            return null;
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
            if (!LooksLikeNameWord(i))
            {
                return hasTitle ? EntityType.Person : null;
            }
        }
        return EntityType.Person;
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

    private bool AfterPlacePreposition(int first) =>
        first > 0 && _tokens[first].Start - _tokens[first - 1].End == 1 && _tokens[first - 1].Span(_text) is "at" or "from";

    private bool CueFollows(int last) =>
        last + 1 < _tokens.Count && _tokens[last + 1].Start - _tokens[last].End <= 2
        && Cues.IsCueWord(_tokens[last + 1].Span(_text));
}