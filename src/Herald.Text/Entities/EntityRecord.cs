namespace Herald.Text.Entities;

/// <summary>One entity as it is being collected: every surface form, title, mention and piece of evidence seen so far.</summary>
internal sealed class EntityRecord(EntityType type, string name)
{
    private readonly List<Evidence> _evidence = [];

    /// <summary>Settled once the whole article is read: later evidence may retype a name.</summary>
    public EntityType Type { get; set; } = type;

    /// <summary>The fullest name seen; for people the longest form without titles.</summary>
    public string Name { get; set; } = name;

    public List<string> Surfaces { get; } = [];

    public int Mentions { get; set; }

    /// <summary>Lower-case role words attached to a person ("prime", "minister").</summary>
    public HashSet<string> Titles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>'f' or 'm' once a title, a given name or a resolved "she"/"he" has told; keeps pronouns from jumping to the wrong person.</summary>
    public char? Gender { get; set; }

    /// <summary>Country a demonym tied the person to ("Chinese President ..." gives China).</summary>
    public string? Nationality { get; set; }

    /// <summary>Age given beside the name ("Graham Pell, 54,"), so "the 54-year-old" finds its person.</summary>
    public int? Age { get; set; }

    public double Confidence { get; set; } = 1;

    public IReadOnlyList<Evidence> Evidence => _evidence;

    public string[] NameWords => Name.Split(' ');

    public void AddSurface(string surface)
    {
        if (!Surfaces.Contains(surface, StringComparer.Ordinal))
        {
            Surfaces.Add(surface);
        }
    }

    /// <summary>Each reason counts once, however often the article repeats it; a bounded list keeps junk input cheap.</summary>
    public void AddEvidence(Evidence item)
    {
        if (_evidence.Count >= 24)
        {
            return;
        }
        foreach (Evidence known in _evidence)
        {
            if (known.Type == item.Type && string.Equals(known.Reason, item.Reason, StringComparison.Ordinal))
            {
                return;
            }
        }
        _evidence.Add(item);
    }

    public void AddEvidence(List<Evidence> items)
    {
        foreach (Evidence item in items)
        {
            AddEvidence(item);
        }
    }

    /// <summary>Settles type and confidence from everything seen; called once the article is read.</summary>
    public void Settle()
    {
        if (_evidence.Count == 0)
        {
            Confidence = Weights.NameShaped;
            return;
        }
        Confidence = Weights.Decide(_evidence, out EntityType best);
        Type = best;
    }

    public Entity ToEntity()
    {
        var aliases = new List<string>(Surfaces.Count);
        foreach (string surface in Surfaces)
        {
            if (!string.Equals(surface, Name, StringComparison.Ordinal))
            {
                aliases.Add(surface);
            }
        }
        // Evidence for the entity's own type first, strongest first: that is what an editor checks.
        var ordered = new List<Evidence>(_evidence);
        ordered.Sort((a, b) => a.Type == Type && b.Type != Type ? -1 : a.Type != Type && b.Type == Type ? 1 : b.Weight.CompareTo(a.Weight));
        string[] reasons = new string[ordered.Count];
        for (int i = 0; i < reasons.Length; i++)
        {
            Evidence item = ordered[i];
            reasons[i] = item.Type == Type ? item.Reason : $"but {AnalysisJson.TypeName(item.Type)}? {item.Reason}";
        }
        return new Entity(Name, Type, aliases, Mentions) { Confidence = Confidence, Evidence = reasons };
    }
}

/// <summary>Where in the article an entity is named.</summary>
internal readonly record struct Mention(int Start, int End, EntityRecord Entity);