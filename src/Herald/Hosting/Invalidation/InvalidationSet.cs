namespace Herald.Hosting.Invalidation;

/// <summary>
/// The cache tags a write affects, gathered as it goes. A write that affects more than one journal
/// row can hold (an import of thousands of stories, say) affects, in effect, the whole site: the
/// set then becomes <see cref="CacheTags.Site"/> alone, which every cached answer carries.
/// </summary>
public sealed class InvalidationSet
{
    /// <summary>The most characters of tags one journal row keeps.</summary>
    public const int MaxLength = 4000;

    private readonly HashSet<string> tags = new(StringComparer.Ordinal);
    private int length;

    public bool IsEmpty => tags.Count == 0;

    /// <summary>True once the set stands for everything cached.</summary>
    public bool IsWholeSite => tags.Contains(CacheTags.Site);

    public IReadOnlyCollection<string> Tags => tags;

    public void Add(string tag)
    {
        if (IsWholeSite || string.IsNullOrEmpty(tag))
        {
            return;
        }
        if (tag == CacheTags.Site || tag.Contains(' ', StringComparison.Ordinal) || length + tag.Length + 1 > MaxLength)
        {
            // Site-wide, or too many to list: everything cached goes.
            tags.Clear();
            tags.Add(CacheTags.Site);
            length = CacheTags.Site.Length;
            return;
        }
        if (tags.Add(tag))
        {
            length += tag.Length + 1;
        }
    }

    public void AddRange(IEnumerable<string> more)
    {
        foreach (var tag in more)
        {
            Add(tag);
        }
    }

    /// <summary>The form a journal row keeps.</summary>
    public string Serialize() => string.Join(' ', tags);

    public static IEnumerable<string> Deserialize(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}