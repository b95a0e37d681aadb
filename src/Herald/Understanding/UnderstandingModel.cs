using Herald.Articles;
using Herald.Text;

namespace Herald.Understanding;

/// <summary>
/// A person, organisation or place that Herald's articles talk about, known under all its
/// names across the archive. Each has a topic page: /people/, /organisations/ or /places/.
/// </summary>
public sealed class NamedEntity
{
    public int Id { get; set; }
    public EntityType Type { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<EntityAlias> Aliases { get; set; } = [];

    /// <summary>What an editor decided; <see cref="EntityReview.Unreviewed"/> leaves it to the analysis's confidence.</summary>
    public EntityReview Review { get; set; }
}

/// <summary>An editor's word on an entity, which no later analysis overrides.</summary>
public enum EntityReview
{
    /// <summary>Public only where an analysis was sure of it (<see cref="EntityMention.Confident"/>).</summary>
    Unreviewed = 0,

    /// <summary>Checked by an editor, name and type: public wherever a published story names it.</summary>
    Confirmed = 1,

    /// <summary>Never on a public page, however sure an analysis is.</summary>
    Hidden = 2,
}

/// <summary>One name of an entity, stored folded so that lookups ignore case.</summary>
public sealed class EntityAlias
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public required string Name { get; set; }
    public required string Folded { get; set; }

    public static string Fold(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>That an article mentions an entity, and how often.</summary>
public sealed class EntityMention
{
    public int ArticleId { get; set; }
    public int EntityId { get; set; }
    public NamedEntity Entity { get; set; } = null!;
    public int Count { get; set; }

    /// <summary>The analysis of this article was sure enough of the entity for public pages (<see cref="Herald.Text.Entity.IsConfident"/>).</summary>
    public bool Confident { get; set; }
}

/// <summary>A statement in an article: the words, who said them, and where they stand in the Markdown.</summary>
public sealed class ArticleQuote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int? SpeakerId { get; set; }
    public NamedEntity? Speaker { get; set; }

    /// <summary>The analysis was sure enough of the speaker for public pages (<see cref="Herald.Text.Quote.IsConfident"/>).</summary>
    public bool SpeakerConfident { get; set; }
    public required string Text { get; set; }
    public string? Cue { get; set; }
    public QuoteKind Kind { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>A key figure of an article: the number as written and what it counts.</summary>
public sealed class ArticleFigure
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Text { get; set; }
    public double Value { get; set; }
    public required string Unit { get; set; }
    public string? Scale { get; set; }
    public string? Period { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}