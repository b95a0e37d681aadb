using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>Who a speaker phrase points at, how it was found, how sure that is and why.</summary>
internal readonly record struct Resolution(EntityRecord? Speaker, SpeakerResolver.How How, double Confidence, string Reason)
{
    public static Resolution None { get; } = new(null, SpeakerResolver.How.None, 0, "");
}

/// <summary>
/// Turns a speaker phrase ("Xi", "he", "the Chinese president", "the 31-year-old", "the company",
/// "Rovers captain Joel Akande") into the entity it refers to. Pronouns and descriptions go to the
/// nearest compatible antecedent — gender, role, age, nationality where the text gives them, the
/// subject of a sentence before its object — and to nobody when two candidates fit equally well.
/// </summary>
internal sealed class SpeakerResolver(ArticleContext article)
{
    // How far back a pronoun or description may reach for its antecedent.
    private const int LookBackChars = 4000;

    // Candidates a pronoun weighs; more would only add far-away names.
    private const int MaxCandidates = 8;

    // Mentions any look-back inspects: enough for an article, bounded for junk input of one name repeated.
    private const int MaxMentionsBack = 200;

    public enum How { None, Named, Referred }

    /// <summary>Resolves the phrase in [start, end); before is where the statement sits, for looking back.</summary>
    public Resolution Resolve(int start, int end, int before, bool subjectOnly = false)
    {
        if (end <= start)
        {
            return Resolution.None;
        }
        if (PronounRightBefore(end) is { } pronoun)
        {
            // "Asked whether he would complain to the Football Association, he said:" — the pronoun is the subject.
            return Pronoun(pronoun, before);
        }
        // The last name before the cue is the subject: "After meeting Mehta, Sato said".
        EntityRecord? person = null;
        EntityRecord? organization = null;
        Mention? firstMention = null;
        foreach (Mention mention in article.Entities.Within(start, end))
        {
            if (article.InsideQuote(mention.Start) || InRelativeClause(start, mention.Start) || InAppositive(start, end, mention))
            {
                continue;
            }
            if (subjectOnly && firstMention is null)
            {
                firstMention = mention;
            }
            else if (subjectOnly && firstMention is { } subject && subject.Entity.Type == EntityType.Organization
                && mention.Entity.Type == EntityType.Person && WordsBetween(subject.End, mention.Start) <= 3)
            {
                // "Aston Villa manager Unai Barrena on the window:" — the manager speaks, not the club.
                return new Resolution(mention.Entity, How.Named, 0.9, $"{mention.Entity.Name} opens the sentence before the colon");
            }
            if (mention.Entity.Type == EntityType.Person)
            {
                person = mention.Entity;
            }
            else if (mention.Entity.Type == EntityType.Organization)
            {
                organization = mention.Entity;
            }
        }
        if (subjectOnly)
        {
            return firstMention is { } opener && opener.Entity.Type != EntityType.Place
                ? new Resolution(opener.Entity, How.Named, 0.85, $"{opener.Entity.Name} opens the sentence before the colon")
                : Resolution.None;
        }
        if (person is not null)
        {
            return new Resolution(person, How.Named, 0.95, $"named beside the cue: {person.Name}");
        }
        if (organization is not null)
        {
            return new Resolution(organization, How.Named, 0.92, $"named beside the cue: {organization.Name}");
        }
        return Refer(start, end, before);
    }

    /// <summary>'f' or 'm' when "she" or "he" is the last word of the phrase, right before the cue.</summary>
    private char? PronounRightBefore(int end)
    {
        int index = Positions.FirstTokenAtOrAfter(article.Tokens, end) - 1;
        if (index < 0 || article.Tokens[index].End > end || end - article.Tokens[index].End > 1)
        {
            return null;
        }
        return article.Tokens[index].Span(article.Text) switch
        {
            "he" or "He" => 'm',
            "she" or "She" => 'f',
            _ => null,
        };
    }

    /// <summary>A phrase with no name in it: a pronoun or a description.</summary>
    private Resolution Refer(int start, int end, int before)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        int first = Positions.FirstTokenAtOrAfter(tokens, start);
        string? head = null;
        string? country = null;
        string? descriptor = null;
        int? age = null;
        bool teenager = false;
        var words = new List<string>();
        bool indefinite = false;
        for (int i = first; i < tokens.Count && tokens[i].End <= end; i++)
        {
            string word = tokens[i].Value(article.Text);
            if (word is "he" or "she" or "He" or "She")
            {
                return Pronoun(word is "she" or "She" ? 'f' : 'm', before);
            }
            if (word is "a" or "an" or "A" or "An" or "another" or "one")
            {
                // "A spokesman for the prime minister said": someone unnamed, not the minister.
                indefinite = true;
            }
            if (Titles.IsHead(word))
            {
                head = word.ToLowerInvariant();
            }
            if (Titles.IsRole(word))
            {
                words.Add(word.ToLowerInvariant());
            }
            if (Gazetteer.Gazetteer.Default.TryGetCountryOfDemonym(word, out string found))
            {
                country = found;
            }
            if (Lexicon.OrganizationDescriptors.Contains(word) && !word.EndsWith('s'))
            {
                descriptor = word.ToLowerInvariant();
            }
            if (word is "year-old" && i > first && tokens[i - 1].IsNumber && tokens[i].Start - tokens[i - 1].End == 1
                && article.Text[tokens[i - 1].End] == '-' && int.TryParse(tokens[i - 1].Span(article.Text), out int years))
            {
                // "the 31-year-old": the tokenizer splits the number from "year-old".
                age = years;
            }
            teenager |= word is "teenager";
        }
        if (indefinite)
        {
            return Resolution.None;
        }
        if (head is not null && ByTitle(head, words, country, before) is { } titled)
        {
            return new Resolution(titled, How.Referred, country is null ? 0.85 : 0.88, $"'the {head}' refers back to {titled.Name}");
        }
        if (age is { } givenAge && ByAge(givenAge, before) is { } aged)
        {
            return new Resolution(aged, How.Referred, 0.88, $"'the {givenAge}-year-old' refers back to {aged.Name}, {givenAge}");
        }
        if (teenager && age is null && RecentPeople(before, includeQuoted: true).FirstOrDefault(p => p.Age is >= 13 and <= 19) is { } young)
        {
            // "Brennan, 19, came on late. '...,' the teenager said." — only an age the text gives counts.
            return new Resolution(young, How.Referred, 0.85, $"'the teenager' refers back to {young.Name}, {young.Age}");
        }
        if (descriptor is not null && head is null && LastOrganization(before, descriptor) is { } company)
        {
            return new Resolution(company, How.Referred, 0.8, $"'the {descriptor}' refers back to {company.Name}");
        }
        if (country is not null && ByNationality(country, before) is { } national)
        {
            return new Resolution(national, How.Referred, 0.75, $"the nationality given refers back to {national.Name}");
        }
        return Resolution.None;
    }

    /// <summary>
    /// "he"/"she": the person mentioned nearest before, weighing gender where known, subjects before
    /// objects, and recency. Two candidates that fit equally well leave the quotation without a speaker.
    /// </summary>
    private Resolution Pronoun(char gender, int before)
    {
        string pronoun = gender == 'f' ? "she" : "he";
        int sentence = Positions.SentenceAt(article.Sentences, Math.Max(0, before - 1));
        var scored = new List<(EntityRecord Person, double Score, bool GenderKnown, int At)>();
        var seen = new HashSet<EntityRecord>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<Mention> mentions = article.Entities.Mentions;
        int floor = Math.Max(0, before - LookBackChars);
        int stop = Math.Max(0, article.Entities.FirstAtOrAfter(before) - MaxMentionsBack);
        for (int i = article.Entities.FirstAtOrAfter(before) - 1; i >= stop && mentions[i].Start >= floor && scored.Count < MaxCandidates; i--)
        {
            Mention mention = mentions[i];
            EntityRecord candidate = mention.Entity;
            if (candidate.Type != EntityType.Person || article.InsideQuote(mention.Start) || !seen.Add(candidate))
            {
                continue;
            }
            if (candidate.Gender is { } known && known != gender)
            {
                continue;
            }
            int distance = Math.Max(0, sentence - Positions.SentenceAt(article.Sentences, mention.Start));
            double score = -distance;
            if (IsSubject(mention))
            {
                score += 1.5;
            }
            if (candidate.Gender == gender)
            {
                score += 1;
            }
            scored.Add((candidate, score, candidate.Gender == gender, mention.End));
        }
        if (scored.Count == 0)
        {
            return Resolution.None;
        }
        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        (EntityRecord best, double bestScore, bool genderKnown, int bestAt) = scored[0];
        if (DescribedSubjectBetween(bestAt, before) is { } described)
        {
            // "Asked about his future, the teenager smiled. '...,' he said." — "he" is the teenager, not the last
            // name; when the description finds nobody, no speaker rather than the wrong one.
            if (described.Speaker is not { Type: EntityType.Person } person)
            {
                return Resolution.None;
            }
            if (person.Gender is null || person.Gender == gender)
            {
                return new Resolution(person, How.Referred, 0.8, $"'{pronoun}' follows a description of {person.Name}");
            }
        }
        if (scored.Count > 1 && bestScore - scored[1].Score < 0.5)
        {
            return Resolution.None;
        }
        best.Gender ??= gender;
        double confidence = genderKnown ? 0.9 : 0.8;
        return new Resolution(best, How.Referred, confidence, $"'{pronoun}' refers to {best.Name}, the nearest {(genderKnown ? (gender == 'f' ? "woman" : "man") : "person")} named before");
    }

    /// <summary>
    /// A description that opens a clause between the last name and the pronoun ("the teenager smiled", "The 24-year-old
    /// shrugged", "the Pole", "the striker"): what it refers to, or Resolution.None when it refers to nobody known.
    /// Null when there is no such description.
    /// </summary>
    private Resolution? DescribedSubjectBetween(int from, int before)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string text = article.Text;
        for (int i = Positions.FirstTokenAtOrAfter(tokens, from); i + 2 < tokens.Count && tokens[i + 1].End <= before; i++)
        {
            if (tokens[i].Span(text) is "A" or "An" && !article.InsideQuote(tokens[i].Start) && OpensClause(i)
                && Lexicon.UnnamedPeople.Contains(tokens[i + 1].Value(text)) && text[tokens[i + 1].End] is ',' or ' '
                && (text[tokens[i + 1].End] == ',' || char.IsLower(text[tokens[i + 2].Start])))
            {
                // "A neighbour, who asked not to be named, was woken by screaming. '...,' she said": someone unnamed is
                // the subject since the last name, so the pronoun has no known speaker.
                return Resolution.None;
            }
            if (tokens[i].Span(text) is not ("the" or "The") || article.InsideQuote(tokens[i].Start) || !OpensClause(i))
            {
                continue;
            }
            int last = i + 1;
            ReadOnlySpan<char> word = tokens[last].Span(text);
            bool description = word is "teenager" || (char.IsLower(word[0]) && Titles.IsHead(word))
                || (char.IsUpper(word[0]) && Gazetteer.Gazetteer.Default.TryGetCountryOfDemonym(word.ToString(), out _));
            if (tokens[last].IsNumber && last + 1 < tokens.Count && tokens[last + 1].Span(text) is "year-old")
            {
                description = true;
                last++;
            }
            if (!description || last + 1 >= tokens.Count || tokens[last + 1].Start - tokens[last].End != 1 || text[tokens[last].End] != ' ')
            {
                continue;
            }
            // A verb follows: the description is the subject, not "the striker's" or "the teenager and his coach".
            ReadOnlySpan<char> next = tokens[last + 1].Span(text);
            if (!char.IsLower(next[0]) || next is "and" or "or" or "of" or "who" or "from" or "in" or "at" or "with")
            {
                continue;
            }
            return Refer(tokens[i].Start, tokens[last].End, tokens[i].Start);
        }
        return null;
    }

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

    /// <summary>The most recent person whose titles share the head word, preferring more shared words and a matching nationality.</summary>
    private EntityRecord? ByTitle(string head, List<string> words, string? country, int before)
    {
        EntityRecord? best = null;
        double bestScore = 0;
        foreach (EntityRecord person in RecentPeople(before, includeQuoted: true))
        {
            if (!person.Titles.Contains(head) || words.Any(w => Titles.IsOtherRoleModifier(w) && !person.Titles.Contains(w)))
            {
                // "the opposition leader" is nobody whose titles say only "leader": no speaker rather than the other leader.
                continue;
            }
            double score = 1 + words.Count(person.Titles.Contains);
            if (country is not null)
            {
                score += person.Nationality == country ? 2 : -2;
            }
            foreach (string title in person.Titles)
            {
                // "the leader" is the council leader, not the opposition leader: a role that says it is another's
                // ("opposition", "deputy", "shadow", "former") fits the bare role less well than the role itself.
                if (Titles.IsOtherRoleModifier(title) && !words.Contains(title))
                {
                    score -= 0.5;
                }
            }
            if (score > bestScore)
            {
                best = person;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>"the 31-year-old said": the person of that age, or else the only person of unknown age in the paragraph.</summary>
    private EntityRecord? ByAge(int age, int before)
    {
        if (RecentPeople(before, includeQuoted: true).FirstOrDefault(p => p.Age == age) is { } aged)
        {
            return aged;
        }
        List<EntityRecord> here = [.. RecentPeople(before, ParagraphStart(before)).Where(p => p.Age is null)];
        return here.Count == 1 ? here[0] : null;
    }

    private int ParagraphStart(int before)
    {
        int paragraph = Positions.ParagraphAt(article.Paragraphs, Math.Max(0, before - 1));
        if (paragraph + 1 < article.Paragraphs.Count && article.Paragraphs[paragraph + 1].Start <= before)
        {
            // A quotation that opens its paragraph: the paragraph is its own, not the one before.
            paragraph++;
        }
        return paragraph < 0 ? 0 : article.Paragraphs[paragraph].Start;
    }

    /// <summary>"the German said": the one person of that nationality, or else the only person of unknown nationality in the paragraph.</summary>
    private EntityRecord? ByNationality(string country, int before)
    {
        List<EntityRecord> recent = [.. RecentPeople(before)];
        if (recent.FirstOrDefault(p => p.Nationality == country) is { } national)
        {
            return national;
        }
        List<EntityRecord> here = [.. RecentPeople(before, ParagraphStart(before)).Where(p => p.Nationality is null)];
        return here.Count == 1 ? here[0] : null;
    }

    /// <summary>"the association": the nearest organisation with that word in its name, else the nearest organisation.</summary>
    private EntityRecord? LastOrganization(int before, string descriptor)
    {
        IReadOnlyList<Mention> mentions = article.Entities.Mentions;
        int floor = Math.Max(0, before - LookBackChars);
        EntityRecord? nearest = null;
        int nearestAt = 0;
        int stop = Math.Max(0, article.Entities.FirstAtOrAfter(before) - MaxMentionsBack);
        for (int i = article.Entities.FirstAtOrAfter(before) - 1; i >= stop && mentions[i].Start >= floor; i--)
        {
            EntityRecord entity = mentions[i].Entity;
            if (entity.Type != EntityType.Organization || article.InsideQuote(mentions[i].Start))
            {
                continue;
            }
            if (descriptor is "company" or "firm" && IsNoBusiness(entity.Name))
            {
                // "The company said" is never the angling club or the council named in between.
                continue;
            }
            if (entity.Name.Contains(descriptor, StringComparison.OrdinalIgnoreCase))
            {
                return entity;
            }
            // "Scheldt Container Services, a joint venture of Maasvlakte Terminals and Gulf Port Holdings, said ...
            // The company said": the organisation a sentence is about, not the last one it names.
            if (nearest is null || (IsFirstOrganization(mentions[i]) && Positions.SentenceAt(article.Sentences, mentions[i].Start) == Positions.SentenceAt(article.Sentences, nearestAt)))
            {
                nearest = entity;
                nearestAt = mentions[i].Start;
            }
        }
        return nearest;
    }

    /// <summary>A club, association, council or other body whose last word says it is no business.</summary>
    private static bool IsNoBusiness(string name)
    {
        int space = name.LastIndexOf(' ');
        return space > 0 && Lexicon.NonBusinessHeads.Contains(name[(space + 1)..]);
    }

    private bool IsFirstOrganization(Mention mention)
    {
        int index = Positions.SentenceAt(article.Sentences, mention.Start);
        if (index < 0)
        {
            return false;
        }
        foreach (Mention other in article.Entities.Within(article.Sentences[index].Start, mention.Start))
        {
            if (other.Entity.Type == EntityType.Organization && other.Start < mention.Start)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>People named before position, nearest first, each once; names inside quotations only when a title or age must match.</summary>
    private IEnumerable<EntityRecord> RecentPeople(int before, int floor = -1, bool includeQuoted = false)
    {
        var seen = new HashSet<EntityRecord>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<Mention> mentions = article.Entities.Mentions;
        floor = Math.Max(floor, Math.Max(0, before - LookBackChars));
        int stop = Math.Max(0, article.Entities.FirstAtOrAfter(before) - MaxMentionsBack);
        for (int i = article.Entities.FirstAtOrAfter(before) - 1; i >= stop && mentions[i].Start >= floor; i--)
        {
            EntityRecord entity = mentions[i].Entity;
            if (entity.Type == EntityType.Person && (includeQuoted || !article.InsideQuote(mentions[i].Start)) && seen.Add(entity))
            {
                yield return entity;
            }
        }
    }
}