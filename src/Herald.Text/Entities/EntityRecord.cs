namespace Herald.Text.Entities;

/// <summary>One entity as it is being collected: every surface form, title and mention seen so far.</summary>
internal sealed class EntityRecord(EntityType type, string name)
{
    public EntityType Type { get; } = type;

    /// <summary>The fullest name seen; for people the longest form without titles.</summary>
    public string Name { get; set; } = name;

    public List<string> Surfaces { get; } = [];

    public int Mentions { get; set; }

    /// <summary>Lower-case role words attached to a person ("prime", "minister").</summary>
    public HashSet<string> Titles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>'f' or 'm' once a title or a resolved "she"/"he" has told; keeps pronouns from jumping to the wrong person.</summary>
    public char? Gender { get; set; }

    /// <summary>Country a demonym tied the person to ("Chinese President ..." gives China).</summary>
    public string? Nationality { get; set; }

    public string[] NameWords => Name.Split(' ');

    public void AddSurface(string surface)
    {
        if (!Surfaces.Contains(surface, StringComparer.Ordinal))
        {
            Surfaces.Add(surface);
        }
    }

    public Entity ToEntity()
    {
        string[] aliases = [.. Surfaces.Where(s => !string.Equals(s, Name, StringComparison.Ordinal))];
        return new Entity(Name, Type, aliases, Mentions);
    }
}

/// <summary>Where in the article an entity is named.</summary>
internal readonly record struct Mention(int Start, int End, EntityRecord Entity);