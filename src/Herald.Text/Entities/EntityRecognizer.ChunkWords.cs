using Herald.Text.Gazetteer;
using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>Word-level tests the chunker asks of a run: name words, organisation words, splits at "of" and "and", cues after.</summary>
internal sealed partial class EntityRecognizer
{
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