namespace Herald.Text;

/// <summary>What the caller already knows about the article's world.</summary>
public sealed class AnalyzerOptions
{
    /// <summary>Names the newsroom already tracks; they win over guesses from capitalisation.</summary>
    public IReadOnlyList<KnownEntity> KnownEntities { get; init; } = [];
}

public sealed record KnownEntity(string Name, EntityType Type, IReadOnlyList<string> Aliases);

public enum EntityType { Person, Organization, Place }