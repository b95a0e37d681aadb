using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>
/// Reported speech outside quotation marks: "Xi said that the possibility of peace is always present",
/// "Reuter said the government had no money". The subject must resolve to a person or organisation.
/// </summary>
internal sealed class IndirectStatements(ArticleContext article)
{
    private const int MaxSubjectTokens = 40;
    private const int MinClauseWords = 3;
    private readonly SpeakerResolver _resolver = new(article);

    private static readonly HashSet<string> NotClauseStarts = new(
        ("on in at during after before with to for from by about this last yesterday today tomorrow earlier " +
         "later again so as while when of it. goodbye hello nothing why how what").Split(' '),
        StringComparer.OrdinalIgnoreCase);

    public List<Quote> Find()
    {
        var found = new List<Quote>();
        foreach (Sentence sentence in article.Sentences)
        {
            if (HasDirectQuote(sentence))
            {
                continue;
            }
            Quote? statement = FromSentence(sentence);
            if (statement is not null)
            {
                found.Add(statement);
            }
        }
        return found;
    }

    private bool HasDirectQuote(Sentence sentence)
    {
        int end = article.PreviousQuoteEnd(sentence.End);
        return end > sentence.Start || article.InsideQuote(sentence.Start) || article.InsideQuote(sentence.End - 1);
    }

    private Quote? FromSentence(Sentence sentence)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        int first = Positions.FirstTokenAtOrAfter(tokens, sentence.Start);
        int last = first;
        while (last < tokens.Count && tokens[last].End <= sentence.End)
        {
            last++;
        }
        for (int i = first + 1; i < last; i++)
        {
            if (!Cues.TryMatch(article.Text, tokens, i, last, out string cue, out int length) || cue is "according to" or "came from")
            {
                continue;
            }
            int clause = ClauseStart(i + length, last, cue);
            if (clause < 0)
            {
                return null;
            }
            if (!LooksLikeClause(clause, last, cue))
            {
                return null;
            }
            int clauseStart = tokens[clause].Start;
            int clauseEnd = TrimEnd(sentence.End, clauseStart);
            if (ParagraphSplitter.CountWords(article.Text, clauseStart, clauseEnd) < MinClauseWords)
            {
                return null;
            }
            int subjectStart = tokens[Math.Max(first, i - MaxSubjectTokens)].Start;
            Resolution resolved = _resolver.Resolve(subjectStart, tokens[i].Start, sentence.Start);
            if (resolved.Speaker is not { } speaker)
            {
                return null;
            }
            string text = TextSpans.Collapse(article.Text, clauseStart, clauseEnd);
            double confidence = resolved.Confidence;
            string reason = resolved.How == SpeakerResolver.How.Named ? $"{speaker.Name} is the subject of '{cue}'" : resolved.Reason;
            return new Quote(text, speaker.Name, cue, QuoteKind.Indirect, clauseStart, clauseEnd)
            {
                Confidence = Math.Round(confidence, 2),
                Evidence = [reason],
                SpeakerNamed = resolved.How == SpeakerResolver.How.Named,
            };
        }
        return null;
    }

    /// <summary>The token where the reported clause begins, or -1: after "that", a time phrase, or the object of "told".</summary>
    private int ClauseStart(int afterCue, int last, string cue)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string text = article.Text;
        if (afterCue >= last || GapHasPunctuation(afterCue))
        {
            return -1;
        }
        for (int i = afterCue; i < last && i < afterCue + 6; i++)
        {
            if (tokens[i].Span(text) is "that")
            {
                if (!Cues.TakesAnObject(cue) && ClauseBeforeThat(afterCue, i))
                {
                    // "said his client accepted that mistakes had been made": the clause began at the cue; its "that" is its own.
                    return afterCue;
                }
                return i + 1 < last && !GapHasPunctuation(i + 1) ? i + 1 : -1;
            }
            if (i > afterCue && GapHasPunctuation(i))
            {
                break;
            }
        }
        if (Cues.TakesAnObject(cue))
        {
            // "told local radio he was disappointed": the clause opens with a pronoun and its verb after the object.
            for (int i = afterCue + 1; i + 1 < last && i <= afterCue + 4; i++)
            {
                if (GapHasPunctuation(i))
                {
                    break;
                }
                if (Pronouns.Contains(tokens[i].Value(text)) && IsVerbLike(tokens[i + 1].Value(text)))
                {
                    return i;
                }
                if (i == afterCue + 1 && Audiences.Contains(tokens[afterCue].Value(text)) && tokens[i].Span(text) is "the" or "a" or "its" or "his" or "her" or "their"
                    && i + 2 < last && !GapHasPunctuation(i + 1) && !GapHasPunctuation(i + 2)
                    && (IsVerbLike(tokens[i + 2].Value(text)) || (i + 3 < last && !GapHasPunctuation(i + 3) && IsVerbLike(tokens[i + 3].Value(text)))))
                {
                    // "told reporters the offer contained nothing new": an audience, then a clause with its own subject and verb.
                    return i;
                }
            }
            return -1;
        }
        if (Cues.RequiresThat(cue))
        {
            return -1;
        }
        string next = tokens[afterCue].Value(text);
        if (CountOpensClause(afterCue, last))
        {
            // "said about 40 ships were waiting", "says 22 flights have been diverted": a count is the clause's subject.
            return afterCue;
        }
        return NotClauseStarts.Contains(next) || tokens[afterCue].IsNumber ? -1 : afterCue;
    }

    /// <summary>A subject opened by a determiner or pronoun and a verb in the past or an auxiliary, between the cue and "that".</summary>
    private bool ClauseBeforeThat(int afterCue, int that)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        if (tokens[afterCue].Span(article.Text) is not ("his" or "her" or "its" or "their" or "the" or "he" or "she" or "it" or "they" or "we"))
        {
            return false;
        }
        for (int i = afterCue + 1; i < that; i++)
        {
            string word = tokens[i].Value(article.Text);
            if (Auxiliaries.Contains(word) || (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words that may stand before a count: "about 40", "nearly 3,000".</summary>
    private static readonly HashSet<string> Approximately = new(
        "about around nearly almost some roughly over more".Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A number (or "about" and a number) right after the cue, then a noun and an auxiliary within a few words:
    /// a reported clause with a counted subject. "said 40 times" and "said about the plan" have no such verb.
    /// </summary>
    private bool CountOpensClause(int afterCue, int last)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        int number = afterCue;
        if (!tokens[number].IsNumber)
        {
            if (!Approximately.Contains(tokens[number].Value(article.Text)))
            {
                return false;
            }
            number++;
            if (number < last && tokens[number].Span(article.Text) is "than")
            {
                number++;
            }
            if (number >= last || !tokens[number].IsNumber || GapHasPunctuation(number))
            {
                return false;
            }
        }
        for (int i = number + 2; i < last && i <= number + 5; i++)
        {
            if (GapHasPunctuation(i))
            {
                return false;
            }
            if (Auxiliaries.Contains(tokens[i].Value(article.Text)))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> Auxiliaries = new(
        "would will could can had has have was is were are must should may might did does shall".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Who a speaker tells: "told reporters", "told MPs".</summary>
    private static readonly HashSet<string> Audiences = new(
        "reporters journalists MPs lawmakers legislators delegates parliament senators councillors investors analysts".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Pronouns = new(
        "it this they he she we i".Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that also take a plain object ("stressed the need for talks") need a verb in what follows.</summary>
    private static readonly HashSet<string> ObjectCues = new(
        "stressed stresses underlined underlines underscored emphasized emphasised emphasizes emphasises highlighted highlights noted notes"
            .Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A reported clause has a verb: "said it needed $400 million" does, "said it twice" does not,
    /// and "stressed the need for a code" is an object, not a clause.
    /// </summary>
    private bool LooksLikeClause(int clause, int last, string cue)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string first = tokens[clause].Value(article.Text);
        bool afterThat = clause > 0 && tokens[clause - 1].Span(article.Text) is "that";
        if (afterThat)
        {
            return true;
        }
        if (Pronouns.Contains(first))
        {
            return clause + 1 < last && IsVerbLike(tokens[clause + 1].Value(article.Text));
        }
        if (!ObjectCues.Contains(cue))
        {
            return true;
        }
        for (int i = clause; i < last; i++)
        {
            if (Auxiliaries.Contains(tokens[i].Value(article.Text)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsVerbLike(string word) =>
        Auxiliaries.Contains(word) || word.EndsWith("ed", StringComparison.Ordinal)
        || (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3);

    /// <summary>Whether anything but spaces separates token index from the token before it.</summary>
    private bool GapHasPunctuation(int index)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        if (index <= 0 || index >= tokens.Count)
        {
            return true;
        }
        for (int i = tokens[index - 1].End; i < tokens[index].Start; i++)
        {
            if (!char.IsWhiteSpace(article.Text[i]))
            {
                return true;
            }
        }
        return false;
    }

    private int TrimEnd(int end, int start)
    {
        while (end > start && (char.IsWhiteSpace(article.Text[end - 1]) || article.Text[end - 1] is '.' or '!' or '?'))
        {
            end--;
        }
        return end;
    }
}