namespace Herald.Articles;

/// <summary>What sections and tags have in common: a name, and a slug unique among their kind.</summary>
public interface ITaxonomyTerm
{
    int Id { get; }
    string Slug { get; set; }
    string Name { get; set; }
}

public sealed class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Bio { get; set; }

    /// <summary>The newsroom account behind the byline, when there is one.</summary>
    public string? UserId { get; set; }
}

public sealed class Category : ITaxonomyTerm
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The broader section this one sits under (WordPress categories nest).</summary>
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }

    /// <summary>Order of the section blocks on the home page and in the navigation.</summary>
    public int Position { get; set; }

    /// <summary>Public stories filed under it, kept by <see cref="Writing.TermCounts"/> on every article write.</summary>
    public int PublicStoryCount { get; set; }

    public List<Article> Articles { get; set; } = [];
}

public sealed class Tag : ITaxonomyTerm
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>Public stories with this tag, kept by <see cref="Writing.TermCounts"/> on every article write.</summary>
    public int PublicStoryCount { get; set; }

    public List<Article> Articles { get; set; } = [];
}