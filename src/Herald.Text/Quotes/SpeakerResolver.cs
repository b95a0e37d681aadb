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
internal sealed partial class SpeakerResolver(ArticleContext article)
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
    private Resolution Refer(int start, int end, int before, bool fromDescription = false)
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
        if (head is not null && !fromDescription && DescribedSubjectBetween(ParagraphStart(before), before, latest: true) is { Speaker: { Type: EntityType.Person } described }
            && described.Titles.Contains(head) && (country is null || described.Nationality is null || described.Nationality == country))
        {
            // "Asked about Russia, the Polish minister smiled. '...,' the foreign minister said." — the nearest antecedent
            // is the description that opened the paragraph, not the last foreign minister named.
            return new Resolution(described, How.Referred, 0.85, $"'the {head}' refers back to {described.Name}, described just before");
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
    /// Null when there is no such description. With latest, the last such description before <paramref name="before"/>.
    /// </summary>
    private Resolution? DescribedSubjectBetween(int from, int before, bool latest = false)
    {
        Resolution? found = null;
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
                if (!latest)
                {
                    return Resolution.None;
                }
                found = Resolution.None;
                continue;
            }
            if (tokens[i].Span(text) is not ("the" or "The") || article.InsideQuote(tokens[i].Start) || !OpensClause(i))
            {
                continue;
            }
            int last = DescriptionEnd(i + 1);
            if (last < 0 || last + 1 >= tokens.Count || tokens[last + 1].Start - tokens[last].End != 1 || text[tokens[last].End] != ' ')
            {
                continue;
            }
            // A verb follows: the description is the subject, not "the striker's" or "the teenager and his coach".
            ReadOnlySpan<char> next = tokens[last + 1].Span(text);
            if (!char.IsLower(next[0]) || next is "and" or "or" or "of" or "who" or "from" or "in" or "at" or "with")
            {
                continue;
            }
            found = Refer(tokens[i].Start, tokens[last].End, tokens[i].Start, fromDescription: true);
            if (!latest)
            {
                return found;
            }
            i = last;
        }
        return found;
    }

    /// <summary>
    /// The last token of a description that starts at first: "teenager", "24-year-old", "Pole", or role words with at most
    /// two capitalised modifiers before them ("the Wyvern manager", "the Polish foreign minister"); -1 when none starts there.
    /// </summary>
    private int DescriptionEnd(int first)
    {
        IReadOnlyList<Token> tokens = article.Tokens;
        string text = article.Text;
        ReadOnlySpan<char> word = tokens[first].Span(text);
        if (word is "teenager")
        {
            return first;
        }
        if (tokens[first].IsNumber)
        {
            return first + 1 < tokens.Count && tokens[first + 1].Span(text) is "year-old" ? first + 1 : -1;
        }
        int k = first;
        int modifiers = 0;
        while (k < tokens.Count && modifiers < 2 && char.IsUpper(tokens[k].Span(text)[0]) && !Titles.IsHead(tokens[k].Span(text))
            && k + 1 < tokens.Count && tokens[k + 1].Start - tokens[k].End == 1)
        {
            k++;
            modifiers++;
        }
        int head = -1;
        for (int j = k; j < tokens.Count && j < k + 3; j++)
        {
            ReadOnlySpan<char> role = tokens[j].Span(text);
            if (!char.IsLower(role[0]) || !Titles.IsRole(role) || (j > k && tokens[j].Start - tokens[j - 1].End != 1))
            {
                break;
            }
            if (Titles.IsHead(role))
            {
                head = j;
            }
        }
        if (head >= 0)
        {
            return head;
        }
        // "the Pole", "the Dutchman": a demonym alone.
        return modifiers == 1 && Gazetteer.Gazetteer.Default.TryGetCountryOfDemonym(word.ToString(), out _) ? first : -1;
    }
}