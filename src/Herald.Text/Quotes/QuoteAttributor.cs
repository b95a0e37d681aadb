using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>
/// Finds who made each direct quotation: a cue and speaker after it ("," Xi said), before it
/// (Putin said, "..."), in the next sentence, or the speaker of the quotation just before.
/// </summary>
internal sealed class QuoteAttributor(ArticleContext article)
{
    private const int MaxPhraseTokens = 8;
    private const int WindowTokens = 40;
    private readonly SpeakerResolver _resolver = new(article);
    private readonly NeighbourSpeaker _neighbours = new(article);

    private sealed record Attribution(EntityRecord? Speaker, string? Cue, SpeakerResolver.How How, double Confidence = 0, string Reason = "")
    {
        public static Attribution From(Resolution found, string? cue, string? reason = null, double scale = 1) =>
            new(found.Speaker, cue, found.How, found.Confidence * scale, reason ?? found.Reason);
    }

    public List<Quote> Attribute(IReadOnlyList<RawQuote> quotes)
    {
        var result = new List<Quote>(quotes.Count);
        Quote? previous = null;
        RawQuote? previousRaw = null;
        foreach (RawQuote quote in quotes)
        {
            Attribution found = Find(quote);
            string? speaker = found.Speaker?.Name;
            string? cue = found.Cue;
            double confidence = found.Speaker is null ? 0 : found.Confidence;
            string reason = found.Reason;
            // A quotation with its own cue but an unknown speaker ("a spokeswoman said") is someone else's.
            if (speaker is null && cue is null && previous?.Speaker is not null && previousRaw is not null && Continues(previousRaw, quote, previous.Speaker))
            {
                speaker = previous.Speaker;
                confidence = Math.Min(previous.Confidence, 0.88);
                reason = $"continues the quotation before, by {speaker}, with nobody else named between";
            }
            else if (speaker is null && cue is null && (_neighbours.SubjectBefore(quote) ?? _neighbours.OpenerAfter(quote)) is { } around)
            {
                speaker = around.Speaker.Name;
                confidence = around.Confidence;
                reason = around.Reason;
            }
            var made = new Quote(quote.InnerText(article.Text), speaker, cue, QuoteKind.Direct, quote.Start, quote.End)
            {
                Confidence = speaker is null ? 0 : Math.Round(confidence, 2),
                Evidence = speaker is null || reason.Length == 0 ? [] : [reason],
                SpeakerNamed = found.Speaker is not null && found.How == SpeakerResolver.How.Named,
            };
            result.Add(made);
            previous = made;
            previousRaw = quote;
        }
        return result;
    }

    private Attribution Find(RawQuote quote)
    {
        Attribution before = Before(quote);
        if (before.How == SpeakerResolver.How.Named)
        {
            return before;
        }
        Attribution after = After(quote);
        if (after.Speaker is not null)
        {
            return after;
        }
        if (before.Speaker is not null)
        {
            return before;
        }
        Attribution next = NextSentence(quote);
        return next.Speaker is not null ? next : (after.Cue is not null ? after : before);
    }

    /// <summary>'"...," Xi said.' or '"...," said the minister.' — the cue within the clause after the closing mark.</summary>
    private Attribution After(RawQuote quote)
    {
        string text = article.Text;
        int paragraphEnd = ParagraphEnd(quote.End);
        (int innerStart, int innerEnd) = quote.Pieces[^1];
        char lastInner = LastNonSpace(text, innerStart, innerEnd);
        int first = Positions.FirstTokenAtOrAfter(article.Tokens, quote.End);
        bool lowerNext = first < article.Tokens.Count && article.Tokens[first].Start < paragraphEnd
            && char.IsLower(text[article.Tokens[first].Start]);
        if (lastInner == '.' && !lowerNext)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        int windowEnd = ClauseEnd(quote.End, paragraphEnd);
        return FromWindow(quote.End, windowEnd, quote.Start, cueFirstAllowed: true, lastCue: false);
    }

    /// <summary>'Putin said, "..."' or 'Lin told reporters: "..."' — the cue right before the opening mark.</summary>
    private Attribution Before(RawQuote quote)
    {
        if (quote.MissingOpen)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        string text = article.Text;
        int sentence = Positions.SentenceAt(article.Sentences, quote.Start);
        if (sentence < 0)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        int windowStart = Math.Max(article.Sentences[sentence].Start, article.PreviousQuoteEnd(quote.Start));
        char lead = LastNonSpace(text, windowStart, quote.Start);
        if (lead is not (',' or ':' or '—' or '–') && !char.IsLetter(lead))
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        // '"We will keep markets open," said Kavita Rao, "because ..."': a cue right after the previous
        // quotation names the speaker after it.
        bool splitQuote = windowStart == article.PreviousQuoteEnd(quote.Start) && windowStart > article.Sentences[sentence].Start;
        Attribution found = FromWindow(windowStart, quote.Start, quote.Start, cueFirstAllowed: splitQuote, lastCue: true);
        if (found.Speaker is null && lead == ':')
        {
            // 'Raman was blunt about prices: "..."' — the subject of the introducing clause speaks. When a
            // cue was there but its subject is nobody named ("One driver, who did not want to be named,
            // told us:"), the cue stays, so the quotation is not handed to the speaker before.
            Resolution subject = _resolver.Resolve(windowStart, quote.Start, quote.Start, subjectOnly: true);
            return subject.Speaker is null && found.Cue is not null ? found : Attribution.From(subject, found.Cue);
        }
        return found;
    }

    /// <summary>'"..." The words came from union leader Lucia Ortega.' — a cue and a person in the following sentence.</summary>
    private Attribution NextSentence(RawQuote quote)
    {
        int sentence = Positions.SentenceAt(article.Sentences, quote.End);
        if (sentence < 0)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        int next = article.Sentences[sentence].End <= quote.End ? sentence + 1 : sentence;
        while (next < article.Sentences.Count && article.Sentences[next].Start < quote.End)
        {
            next++;
        }
        if (next >= article.Sentences.Count || article.Sentences[next].ParagraphIndex != article.Sentences[sentence].ParagraphIndex)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        Sentence target = article.Sentences[next];
        if (article.InsideQuote(target.Start))
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        Attribution found = FromWindow(target.Start, target.End, quote.Start, cueFirstAllowed: true, lastCue: false);
        if (found.Speaker is null && PointsBack(target))
        {
            // '"..." That was the promise of Labour Minister Grace Mensah.'
            Resolution pointed = _resolver.Resolve(target.Start, target.End, quote.Start);
            return Attribution.From(pointed, null, pointed.Speaker is null ? null : $"the next sentence points back: {pointed.Reason}", 0.95);
        }
        return found;
    }

    private bool PointsBack(Sentence sentence)
    {
        int first = Positions.FirstTokenAtOrAfter(article.Tokens, sentence.Start);
        if (first + 1 >= article.Tokens.Count)
        {
            return false;
        }
        ReadOnlySpan<char> word = article.Tokens[first].Span(article.Text);
        ReadOnlySpan<char> verb = article.Tokens[first + 1].Span(article.Text);
        return word is "That" or "This" or "Those" or "These" or "Such" && verb is "was" or "were" or "is" or "are";
    }

    /// <summary>Finds a cue in the window and resolves the speaker phrase beside it.</summary>
    private Attribution FromWindow(int start, int end, int statementStart, bool cueFirstAllowed, bool lastCue)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        // Only the words next to the quotation matter; capping the window keeps giant sentences linear.
        int first = Positions.FirstTokenAtOrAfter(tokens, start);
        int last = Positions.FirstTokenAtOrAfter(tokens, end);
        while (last > first && tokens[last - 1].End > end)
        {
            last--;
        }
        if (lastCue)
        {
            first = Math.Max(first, last - WindowTokens);
        }
        else
        {
            last = Math.Min(last, first + WindowTokens);
        }
        int cueAt = -1;
        string cue = "";
        int cueLength = 0;
        int relativeComma = -1;
        for (int i = first; i < last; i++)
        {
            if (Cues.TryMatch(article.Text, tokens, i, last, out string found, out int length) && !article.InsideQuote(tokens[i].Start))
            {
                (cueAt, cue, cueLength) = (i, found, length);
                if (!lastCue)
                {
                    break;
                }
            }
            if (!lastCue && i > first && CueAfterRelativeClause(i, last) is { } after)
            {
                // '"...," the 34-year-old defender, who joined from Hajduk Split last summer, said.': the clause
                // between commas describes the speaker; the cue comes after it.
                (cueAt, cue, cueLength, relativeComma) = after;
                break;
            }
            if (!lastCue && i - first > MaxPhraseTokens)
            {
                break;
            }
        }
        if (cueAt < 0)
        {
            return new Attribution(null, null, SpeakerResolver.How.None);
        }
        (int phraseStart, int phraseEnd) = relativeComma >= 0 ? (tokens[first].Start, relativeComma)
            : cueAt == first || cue == "according to" || cue == "came from"
            ? (tokens[cueAt + cueLength - 1].End, PhraseEndAfter(cueAt + cueLength, last, end))
            : (tokens[Math.Max(first, cueAt - MaxPhraseTokens)].Start, tokens[cueAt].Start);
        if (cueAt == first && !cueFirstAllowed && cue is not "according to")
        {
            return new Attribution(null, cue, SpeakerResolver.How.None);
        }
        Resolution resolved = _resolver.Resolve(phraseStart, phraseEnd, statementStart);
        string? reason = resolved.How == SpeakerResolver.How.Named ? $"'{cue}' beside the quotation names {resolved.Speaker!.Name}" : null;
        return Attribution.From(resolved, cue, reason);
    }

    /// <summary>
    /// At ", who" (or ", which"): the cue right after the comma that closes the clause, with where the clause's
    /// opening comma stands. Only a cue at the clause's end counts, so "..., who said" stays the clause's own verb.
    /// </summary>
    private (int CueAt, string Cue, int Length, int Comma)? CueAfterRelativeClause(int who, int last)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string text = article.Text;
        if (tokens[who].Span(text) is not ("who" or "which") || tokens[who].Start < 2 || text.AsSpan(tokens[who].Start - 2, 2) is not ", ")
        {
            return null;
        }
        for (int j = who + 2; j < last && j <= who + 20; j++)
        {
            if (text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End) is not ", ")
            {
                continue;
            }
            return Cues.TryMatch(text, tokens, j, last, out string cue, out int length) && !article.InsideQuote(tokens[j].Start)
                ? (j, cue, length, tokens[who].Start - 2)
                : null;
        }
        return null;
    }

    /// <summary>The speaker after a leading cue runs to the next comma or the window end.</summary>
    private int PhraseEndAfter(int from, int last, int windowEnd)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        int end = windowEnd;
        for (int i = from; i < last && i < from + MaxPhraseTokens; i++)
        {
            end = tokens[i].End;
            if (end < article.Text.Length && article.Text[end] is ',' or ';' or '.')
            {
                // "told to journalists the chairman of Turkmengaz, Maksat Babayev": a person in apposition is the speaker.
                if (article.Text[end] == ',' && i + 1 < tokens.Count && PersonStartsAt(tokens[i + 1].Start) is { } person)
                {
                    end = person;
                }
                break;
            }
        }
        return Math.Min(end, windowEnd);
    }

    /// <summary>The end of a person's name that starts at position, if one does.</summary>
    private int? PersonStartsAt(int position)
    {
        int index = article.Entities.FirstAtOrAfter(position);
        return index < article.Entities.Mentions.Count && article.Entities.Mentions[index] is { } mention
            && mention.Start == position && mention.Entity.Type == EntityType.Person ? mention.End : null;
    }

    /// <summary>Consecutive quotations with nobody else named between them share a speaker.</summary>
    private bool Continues(RawQuote previous, RawQuote quote, string previousSpeaker)
    {
        if (quote.MissingOpen)
        {
            return false;
        }
        int previousParagraph = Positions.ParagraphAt(article.Paragraphs, previous.End - 1);
        int paragraph = Positions.ParagraphAt(article.Paragraphs, quote.Start);
        if (paragraph - previousParagraph > 1 || (paragraph != previousParagraph && NeighbourSpeaker.OpensWithTime(article, paragraph)))
        {
            // A live-blog entry starts with its time: the quotation in it is a new voice, not the last entry's.
            return false;
        }
        foreach (Mention mention in article.Entities.Within(previous.End, quote.Start))
        {
            if (mention.Entity.Type == EntityType.Person && mention.Entity.Name != previousSpeaker)
            {
                return false;
            }
        }
        return true;
    }

    private int ParagraphEnd(int position)
    {
        int index = Positions.ParagraphAt(article.Paragraphs, Math.Max(0, position - 1));
        return index < 0 ? article.Text.Length : article.Paragraphs[index].End;
    }

    /// <summary>Where the clause after a quotation ends: a full stop, the next quotation or the paragraph end.</summary>
    private int ClauseEnd(int from, int paragraphEnd)
    {
        string text = article.Text;
        int limit = Math.Min(paragraphEnd, from + 300);
        for (int i = from; i < limit; i++)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' || (QuoteMarks.IsMark(c) && QuoteMarks.OpensHere(text, i, from)))
            {
                return i;
            }
        }
        return limit;
    }

    private static char LastNonSpace(string text, int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }
        return '\0';
    }
}