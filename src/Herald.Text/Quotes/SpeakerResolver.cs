using Herald.Text.Entities;
using Herald.Text.Gazetteer;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>
/// Turns a speaker phrase ("Xi", "he", "the Chinese president", "Rovers captain Joel Akande") into the
/// entity it refers to.
/// </summary>
internal sealed class SpeakerResolver(ArticleContext article)
{
    // How far back a pronoun or title may reach for its person.
    private const int LookBackChars = 4000;

    public enum How { None, Named, Referred }

    /// <summary>Resolves the phrase in [start, end); before is where the statement sits, for looking back.</summary>
    public (EntityRecord? Speaker, How How) Resolve(int start, int end, int before, bool subjectOnly = false)
    {
        if (end <= start)
        {
            return (null, How.None);
        }
        // The last name before the cue is the subject: "After meeting Mehta, Sato said".
        EntityRecord? person = null;
        EntityRecord? organization = null;
        foreach (Mention mention in article.Entities.Within(start, end))
        {
            if (article.InsideQuote(mention.Start) || InRelativeClause(start, mention.Start))
            {
                continue;
            }
            if (subjectOnly)
            {
                return mention.Entity.Type == EntityType.Place ? (null, How.None) : (mention.Entity, How.Named);
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
        if ((person ?? organization) is { } named)
        {
            return (named, How.Named);
        }
        int first = Positions.FirstTokenAtOrAfter(article.Tokens, start);
        string? head = null;
        string? country = null;
        var words = new List<string>();
        for (int i = first; i < article.Tokens.Count && article.Tokens[i].End <= end; i++)
        {
            string word = article.Tokens[i].Value(article.Text);
            if (word is "he" or "she" or "He" or "She")
            {
                // Skip people already known to take the other pronoun, then remember the choice.
                char gender = word is "she" or "She" ? 'f' : 'm';
                // A person whose title fixes the pronoun ("Ms Berg") beats a more recent person of unknown gender.
                EntityRecord? referent = LastPerson(before, m => m.Entity.Gender == gender)
                    ?? LastPerson(before, m => m.Entity.Gender is null);
                if (referent is not null)
                {
                    referent.Gender ??= gender;
                }
                return (referent, How.Referred);
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
        }
        return head is null ? (null, How.None) : (ByTitle(head, words, country, before), How.Referred);
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

    private static bool StartsWithWord(string text, int at, string word) =>
        at + word.Length < text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0 && !char.IsLetter(text[at + word.Length]);

    /// <summary>The most recent person whose titles share the head word, preferring more shared words and a matching nationality.</summary>
    private EntityRecord? ByTitle(string head, List<string> words, string? country, int before)
    {
        EntityRecord? best = null;
        int bestScore = 0;
        var seen = new HashSet<EntityRecord>();
        int floor = Math.Max(0, before - LookBackChars);
        IReadOnlyList<Mention> mentions = article.Entities.Mentions;
        for (int i = article.Entities.FirstAtOrAfter(before) - 1; i >= 0 && mentions[i].Start >= floor; i--)
        {
            EntityRecord person = mentions[i].Entity;
            if (person.Type != EntityType.Person || !seen.Add(person) || !person.Titles.Contains(head))
            {
                continue;
            }
            int score = 1 + words.Count(person.Titles.Contains);
            if (country is not null)
            {
                score += person.Nationality == country ? 2 : -2;
            }
            if (score > bestScore)
            {
                best = person;
                bestScore = score;
            }
        }
        return best;
    }

    public EntityRecord? LastPerson(int before, Func<Mention, bool> accept) =>
        article.Entities.LastPersonBefore(before, Math.Max(0, before - LookBackChars),
            m => !article.InsideQuote(m.Start) && accept(m));
}