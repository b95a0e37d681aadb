namespace Herald.Text.Entities;

/// <summary>Creates and merges entity records so one real-world entity gets one record.</summary>
internal sealed class EntityRegistry
{
    private readonly Dictionary<(EntityType, string), EntityRecord> _byName = [];
    private readonly List<EntityRecord> _people = [];

    // Organisations by short name; null where two share one.
    private readonly Dictionary<string, EntityRecord?> _shortNames = new(StringComparer.Ordinal);

    // People indexed by each word of their names, so merging stays cheap on articles with many names.
    private readonly Dictionary<string, List<EntityRecord>> _peopleByWord = new(StringComparer.Ordinal);

    // Only the most recent people sharing a word are compared; enough for any real article, bounded for junk input.
    private const int CandidatesPerWord = 64;

    public List<EntityRecord> Records { get; private set; } = [];

    public List<Mention> Mentions { get; } = [];

    public IReadOnlyList<EntityRecord> People => _people;

    public EntityRecord Named(string canonical, EntityType type)
    {
        if (type == EntityType.Person)
        {
            return Person(canonical);
        }
        if (!_byName.TryGetValue((type, canonical), out EntityRecord? record))
        {
            record = new EntityRecord(type, canonical);
            _byName[(type, canonical)] = record;
            Records.Add(record);
            if (type == EntityType.Organization)
            {
                foreach (string shortName in ShortNames(canonical))
                {
                    _shortNames[shortName] = _shortNames.ContainsKey(shortName) ? null : record;
                }
            }
        }
        return record;
    }

    /// <summary>"Vladimir Putin" and "Putin", or "Xi Jinping" and "Xi", are the same person; the fuller name wins.</summary>
    public EntityRecord Person(string name)
    {
        string[] words = name.Split(' ');
        foreach (EntityRecord person in Candidates(words))
        {
            string[] known = person.NameWords;
            if (ContainsRun(known, words))
            {
                return person;
            }
            if (ContainsRun(words, known))
            {
                person.Name = name;
                Index(person, words);
                return person;
            }
        }
        var created = new EntityRecord(EntityType.Person, name);
        _people.Add(created);
        Records.Add(created);
        Index(created, words);
        return created;
    }

    private IEnumerable<EntityRecord> Candidates(string[] words)
    {
        foreach (string word in words)
        {
            if (_peopleByWord.TryGetValue(word, out List<EntityRecord>? people))
            {
                for (int i = people.Count - 1; i >= 0 && i >= people.Count - CandidatesPerWord; i--)
                {
                    yield return people[i];
                }
            }
        }
    }

    private void Index(EntityRecord person, string[] words)
    {
        foreach (string word in words)
        {
            if (!_peopleByWord.TryGetValue(word, out List<EntityRecord>? people))
            {
                people = [];
                _peopleByWord[word] = people;
            }
            if (people.Count == 0 || !ReferenceEquals(people[^1], person))
            {
                people.Add(person);
            }
        }
    }

    /// <summary>An organisation or place recorded under exactly this name.</summary>
    public EntityRecord? ByName(string name)
    {
        foreach (EntityType type in (ReadOnlySpan<EntityType>)[EntityType.Organization, EntityType.Place])
        {
            if (_byName.TryGetValue((type, name), out EntityRecord? record))
            {
                return record;
            }
        }
        return null;
    }

    /// <summary>The one organisation whose name without its legal form or club word is this word ("Fjordlaks" for Fjordlaks ASA).</summary>
    public EntityRecord? ByShortName(string word) => _shortNames.TryGetValue(word, out EntityRecord? record) ? record : null;

    /// <summary>"Chiefs", "Mariners": a plural that may be a club's nickname; no trade, legal form or landscape word.</summary>
    private static bool IsPluralNickname(string word) =>
        word.Length >= 4 && char.IsUpper(word[0]) && word[^1] == 's' && word[^2] != 's' && word.All(char.IsLetter)
        && !Lexicon.OrganizationWords.Contains(word) && !Lexicon.CompanyWords.Contains(word) && !Lexicon.LegalSuffixes.Contains(word)
        && !Lexicon.PlaceWords.Contains(word) && !Lexicon.LandscapePlurals.Contains(word);

    /// <summary>
    /// The name without a legal form or club word at either end ("Fjordlaks ASA", "FC Lindholm"), and
    /// the first word of a company named by its trade ("Kronborg" for Kronborg Beverages A/S). Only these
    /// words come off: an organisation's name never lends its place name ("Norrhavn Fishermen's
    /// Association" has no short name "Norrhavn").
    /// </summary>
    public static IEnumerable<string> ShortNames(string name)
    {
        string[] words = name.Split(' ');
        int first = 0;
        int last = words.Length - 1;
        if (last >= 1 && words[last] is "A/S")
        {
            last--;
        }
        else if (last >= 1 && Lexicon.LegalSuffixes.Contains(words[last]))
        {
            last--;
        }
        else if (last >= 1 && Lexicon.LegalSuffixes.Contains(words[0]))
        {
            first++;
        }
        if (first == 0 && last == words.Length - 1)
        {
            // No legal form; only a trade word may still come off.
            if (words.Length == 2 && Lexicon.CompanyWords.Contains(words[1]))
            {
                yield return words[0];
            }
            else if (words.Length == 2 && (Lexicon.ClubWords.Contains(words[1]) || IsPluralNickname(words[1])))
            {
                // Sport copy calls Northgate Rovers "Rovers", and Exeter Chiefs "the Chiefs", once named in full.
                yield return words[1];
            }
            yield break;
        }
        yield return string.Join(' ', words[first..(last + 1)]).TrimEnd(',');
        if (last > first && words[(first + 1)..(last + 1)].All(w => Lexicon.CompanyWords.Contains(w) || w is "&"))
        {
            yield return words[first];
        }
    }

    /// <summary>
    /// Settles every record's type and confidence from its evidence, then merges records that ended
    /// up with the same name and type (one first seen as a person, later shown to be a company).
    /// </summary>
    public void Settle()
    {
        var kept = new Dictionary<(EntityType, string), EntityRecord>();
        var replaced = new Dictionary<EntityRecord, EntityRecord>(ReferenceEqualityComparer.Instance);
        foreach (EntityRecord record in Records)
        {
            record.Settle();
            if (!kept.TryGetValue((record.Type, record.Name), out EntityRecord? first))
            {
                kept[(record.Type, record.Name)] = record;
                continue;
            }
            first.Mentions += record.Mentions;
            foreach (string surface in record.Surfaces)
            {
                first.AddSurface(surface);
            }
            first.AddEvidence([.. record.Evidence]);
            first.Settle();
            replaced[record] = first;
        }
        if (replaced.Count == 0)
        {
            return;
        }
        Records = [.. Records.Where(r => !replaced.ContainsKey(r))];
        for (int i = 0; i < Mentions.Count; i++)
        {
            if (replaced.TryGetValue(Mentions[i].Entity, out EntityRecord? survivor))
            {
                Mentions[i] = Mentions[i] with { Entity = survivor };
            }
        }
    }

    /// <summary>A person whose name holds this single word, preferring the one mentioned most recently.</summary>
    public EntityRecord? PersonByWord(string word)
    {
        return _peopleByWord.TryGetValue(word, out List<EntityRecord>? people) && people.Count > 0 ? people[^1] : null;
    }

    public void AddMention(int start, int end, EntityRecord entity, string surface)
    {
        entity.Mentions++;
        entity.AddSurface(surface);
        Mentions.Add(new Mention(start, end, entity));
    }

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            bool all = true;
            for (int j = 0; j < needle.Length && all; j++)
            {
                all = string.Equals(haystack[i + j], needle[j], StringComparison.Ordinal);
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }
}