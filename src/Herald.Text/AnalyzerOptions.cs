namespace Herald.Text;

/// <summary>What the caller already knows about the article's world.</summary>
public sealed class AnalyzerOptions
{
    /// <summary>Names the newsroom already tracks; they win over guesses from capitalisation.</summary>
    public IReadOnlyList<KnownEntity> KnownEntities { get; init; } = [];
}

/// <summary>A name the site already tracks.</summary>
/// <param name="ConfirmedByEditor">
/// An editor has checked the name and its type. Confirmed names are taken as certain; unconfirmed
/// ones (earlier analyses) are strong evidence that the text can still outweigh, so that one wrong
/// guess does not repeat itself in every later article.
/// </param>
public sealed record KnownEntity(string Name, EntityType Type, IReadOnlyList<string> Aliases, bool ConfirmedByEditor = false);

public enum EntityType { Person, Organization, Place }