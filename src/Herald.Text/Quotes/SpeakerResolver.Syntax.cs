using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>Where a mention stands in its sentence: subject or object, inside a relative clause or an apposition.</summary>
internal sealed partial class SpeakerResolver
{
    /// <summary>The token starts its sentence or follows a comma.</summary>
    private bool OpensClause(int index)
    {
        if (index == 0)
        {
            return true;
        }
        Token previous = article.Tokens[index - 1];
        ReadOnlySpan<char> between = article.Text.AsSpan(previous.End, article.Tokens[index].Start - previous.End).Trim();
        return between is "," || between.Length > 0 && between[^1] is '.' or '!' or '?' || article.Text[previous.End - 1] is '.' or '!' or '?';
    }

    /// <summary>The first person named in a sentence, outside quotations: its subject, as news copy writes it.</summary>
    private bool IsSubject(Mention mention)
    {
        int index = Positions.SentenceAt(article.Sentences, mention.Start);
        if (index < 0)
        {
            return false;
        }
        if (Possessive(mention))
        {
            // "Ndlovu's coach, Pieter van Wyk, said": the coach is the subject, not the athlete.
            return false;
        }
        int sentenceStart = article.Sentences[index].Start;
        IReadOnlyList<Mention> mentions = article.Entities.Mentions;
        int at = article.Entities.FirstAtOrAfter(mention.Start);
        for (int i = at - 1; i >= 0 && mentions[i].Start >= sentenceStart; i--)
        {
            if (at - i > 50)
            {
                // Fifty names into one sentence, nothing is its subject any more.
                return false;
            }
            if (mentions[i].Entity.Type == EntityType.Person && !article.InsideQuote(mentions[i].Start) && !Possessive(mentions[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A mention written with "'s" after it ("Ndlovu's coach") names whose something is, not who acts.</summary>
    private bool Possessive(Mention mention)
    {
        string text = article.Text;
        int end = mention.End;
        return end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's' && (end + 2 == text.Length || !char.IsLetter(text[end + 2]));
    }

    private int WordsBetween(int from, int to)
    {
        int count = 0;
        for (int i = Positions.FirstTokenAtOrAfter(article.Tokens, from); i < article.Tokens.Count && article.Tokens[i].End <= to; i++)
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// Whether position sits in a ", who ...," or ", which ...," aside: in "Helen Marsh, who met Putin,
    /// said" the speaker is Marsh, not Putin.
    /// </summary>
    private bool InRelativeClause(int start, int position)
    {
        string text = article.Text;
        bool inside = false;
        for (int i = start; i < position; i++)
        {
            if (text[i] != ',')
            {
                continue;
            }
            int word = i + 1;
            while (word < position && text[word] == ' ')
            {
                word++;
            }
            bool opensAside = StartsWithWord(text, word, "who") || StartsWithWord(text, word, "which") || StartsWithWord(text, word, "whose");
            inside = opensAside;
        }
        return inside;
    }

    /// <summary>
    /// "Scheldt Container Services, a joint venture of Maasvlakte Terminals and Gulf Port Holdings, said": a name
    /// inside an aside that opens with "a", "an" or "the" right after another name and closes right before the cue
    /// describes the subject and is not it.
    /// </summary>
    private bool InAppositive(int start, int end, Mention mention)
    {
        string text = article.Text;
        int close = end - 1;
        while (close > mention.End && char.IsWhiteSpace(text[close]))
        {
            close--;
        }
        if (mention.Start <= start || close < mention.End || text[close] != ',')
        {
            return false;
        }
        int open = text.LastIndexOf(',', mention.Start - 1, mention.Start - start);
        if (open < 0)
        {
            return false;
        }
        int word = open + 1;
        while (word < mention.Start && text[word] == ' ')
        {
            word++;
        }
        if (!(StartsWithWord(text, word, "a") || StartsWithWord(text, word, "an") || StartsWithWord(text, word, "the")))
        {
            return false;
        }
        foreach (Mention before in article.Entities.Within(start, open))
        {
            if (before.End == open)
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWithWord(string text, int at, string word) =>
        at + word.Length < text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && !char.IsLetter(text[at + word.Length]);
}