using Herald.Text;

namespace Herald.Understanding.Corrections;

/// <summary>
/// A topic address that no longer names an entity of its own (it was merged into another, or
/// retyped): readers and search engines following it are sent, permanently, to the entity's page.
/// </summary>
public sealed class EntityRedirect
{
    public int Id { get; set; }
    public EntityType Type { get; set; }
    public required string Slug { get; set; }
    public int EntityId { get; set; }
}

/// <summary>
/// An editor's ruling that a name found as <see cref="Type"/> belongs to another entity (after a
/// merge or a retype), so a later analysis that finds that name under that type again stores it
/// there instead of bringing the wrong entity back.
/// </summary>
public sealed class MergedName
{
    public int Id { get; set; }
    public EntityType Type { get; set; }
    public required string Folded { get; set; }
    public int EntityId { get; set; }
}

/// <summary>
/// An editor's ruling that a name is not an entity's ("Norrhavn", the town, is no name of the
/// fishermen's association): later analyses neither give the name back to it nor link by it.
/// </summary>
public sealed class RejectedName
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public required string Folded { get; set; }
}

/// <summary>
/// An editor's ruling that a quote in an article was not said by an entity: later analyses of the
/// article that attribute the same words to it leave the quote without a speaker.
/// </summary>
public sealed class DetachedQuote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int EntityId { get; set; }
    public required string Text { get; set; }
}

/// <summary>One editor's decision about an entity: who, when and what, newest shown first.</summary>
public sealed class EntityHistoryEntry
{
    public const int MaxWhat = 500;

    public int Id { get; set; }
    public int EntityId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string What { get; set; }
}