using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>A speaker found in the sentence or paragraph beside a quotation that has no cue of its own.</summary>
internal readonly record struct NeighbourFound(EntityRecord Speaker, double Confidence, string Reason);

/// <summary>
/// The two places news copy names the speaker of a quotation without a cue: the sentence just
/// before it ('Marsh was asked about the dispute. "I won't negotiate."') and the paragraph just
/// after a paragraph that is only the quotation ('"I thought it was over." / Marston said ...').
/// Both need exactly one person in view; otherwise there is no speaker rather than a guess.
/// </summary>
internal sealed class NeighbourSpeaker(ArticleContext article)
{
    // Below the line for public pages: a neighbour is good evidence, not a cue beside the words.
    private const double Confidence = 0.78;

    /// <summary>
    /// 'Helen Marsh was asked about the dispute. "I won't negotiate through the media."' — the
    /// quotation opens a sentence, no quotation comes before it in its paragraph, and the sentence
    /// before it opens with one person and names no other.
    /// </summary>
    public NeighbourFound? SubjectBefore(RawQuote quote)
    {
        if (quote.MissingOpen)
        {
            return null;
        }
        int sentence = Positions.SentenceAt(article.Sentences, quote.Start);
        if (sentence < 1 || HasLetters(article.Sentences[sentence].Start, quote.Start))
        {
            return null;
        }
        Sentence previous = article.Sentences[sentence - 1];
        if (previous.ParagraphIndex != article.Sentences[sentence].ParagraphIndex
            || article.PreviousQuoteEnd(quote.Start) > article.Paragraphs[previous.ParagraphIndex].Start)
        {
            return null;
        }
        return OnlyPersonOpening(previous) is { } person
            ? new NeighbourFound(person, Confidence, $"the sentence before the quotation is about {person.Name}, and names nobody else")
            : null;
    }

    /// <summary>
    /// '"I thought it was over." / Marston said her teammates had waited.' — the quotation is the
    /// whole paragraph, and the next paragraph opens with a person and a cue.
    /// </summary>
    public NeighbourFound? OpenerAfter(RawQuote quote)
    {
        if (quote.MissingOpen || quote.Pieces.Count != 1)
        {
            return null;
        }
        int paragraph = Positions.ParagraphAt(article.Paragraphs, quote.Start);
        if (paragraph < 0 || paragraph + 1 >= article.Paragraphs.Count)
        {
            return null;
        }
        Paragraph own = article.Paragraphs[paragraph];
        Paragraph next = article.Paragraphs[paragraph + 1];
        if (HasLetters(own.Start, quote.Start) || HasLetters(quote.End, own.End) || next.IsHeading || OpensWithTime(article, paragraph + 1))
        {
            return null;
        }
        int first = Positions.FirstTokenAtOrAfter(article.Tokens, next.Start);
        int index = article.Entities.FirstAtOrAfter(next.Start);
        if (first >= article.Tokens.Count || index >= article.Entities.Mentions.Count)
        {
            return null;
        }
        Mention mention = article.Entities.Mentions[index];
        if (mention.Start != article.Tokens[first].Start || mention.Entity.Type != EntityType.Person)
        {
            return null;
        }
        int after = Positions.FirstTokenAtOrAfter(article.Tokens, mention.End);
        return after < article.Tokens.Count && article.Tokens[after].Start < next.End
            && Cues.TryMatch(article.Text, article.Tokens, after, article.Tokens.Count, out string cue, out _) && cue != "according to"
            ? new NeighbourFound(mention.Entity, Confidence, $"the quotation is a paragraph of its own, and the next opens '{mention.Entity.Name} {cue}'")
            : null;
    }

    /// <summary>Whether the paragraph opens with a time ("17:48", "9.15am"): a live-blog entry.</summary>
    public static bool OpensWithTime(ArticleContext article, int paragraph)
    {
        string text = article.Text;
        int i = article.Paragraphs[paragraph].Start;
        int end = article.Paragraphs[paragraph].End;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        int digits = 0;
        while (i < end && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }
        return digits is 1 or 2 && i + 2 < end && text[i] is ':' or '.' && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]);
    }

    /// <summary>The person the sentence opens with (after a live-blog time), when it names no other person.</summary>
    private EntityRecord? OnlyPersonOpening(Sentence sentence)
    {
        EntityRecord? person = null;
        bool first = true;
        foreach (Mention mention in article.Entities.Within(sentence.Start, sentence.End))
        {
            if (article.InsideQuote(mention.Start))
            {
                continue;
            }
            if (first)
            {
                if (mention.Entity.Type != EntityType.Person || !OnlyTitlesBetween(sentence.Start, mention.Start))
                {
                    return null;
                }
                person = mention.Entity;
                first = false;
            }
            else if (mention.Entity.Type == EntityType.Person && !ReferenceEquals(mention.Entity, person))
            {
                return null;
            }
        }
        return person;
    }

    /// <summary>Nothing but a live-blog time and titles ("Minister") before the name.</summary>
    private bool OnlyTitlesBetween(int start, int end)
    {
        for (int i = Positions.FirstTokenAtOrAfter(article.Tokens, start); i < article.Tokens.Count && article.Tokens[i].End <= end; i++)
        {
            Token token = article.Tokens[i];
            if (!token.IsNumber && !Titles.IsRole(token.Span(article.Text)))
            {
                return false;
            }
        }
        return true;
    }

    private bool HasLetters(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (char.IsLetter(article.Text[i]))
            {
                return true;
            }
        }
        return false;
    }
}