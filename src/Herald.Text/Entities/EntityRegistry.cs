namespace Herald.Text.Entities;

/// <summary>Creates and merges entity records so one real-world entity gets one record.</summary>
internal sealed class EntityRegistry
{
    private readonly Dictionary<(EntityType, string), EntityRecord> _byName = [];
    private readonly List<EntityRecord> _people = [];

    // People indexed by each word of their names, so merging stays cheap on articles with many names.
    private readonly Dictionary<string, List<EntityRecord>> _peopleByWord = new(StringComparer.Ordinal);

    // Only the most recent people sharing a word are compared; enough for any real article, bounded for junk input.
    private const int CandidatesPerWord = 64;

    public List<EntityRecord> Records { get; } = [];

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