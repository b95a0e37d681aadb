using Herald.Text.Entities;
using Herald.Text.Segmentation;

namespace Herald.Text.Quotes;

/// <summary>The candidate antecedents a description looks back for: by title, age, nationality, organisation, recent people.</summary>
internal sealed partial class SpeakerResolver
{
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