namespace Herald.WordPress.Import;

/// <summary>One thing read from a WordPress export, in file order.</summary>
public abstract record WxrRecord(int Line, int Column);

/// <summary>The export's channel facts: which site it came from and which WXR version wrote it.</summary>
public sealed record WxrSite(int Line, int Column, string BlogUrl, string Version) : WxrRecord(Line, Column);

public sealed record WxrAuthor(int Line, int Column, string Login, string DisplayName, string? Email) : WxrRecord(Line, Column);

/// <summary>A category or tag declared in the channel head. Parent is the parent category's nicename.</summary>
public sealed record WxrTerm(int Line, int Column, WxrTermKind Kind, long? TermId, string Nicename, string Name, string? Parent, string? Description)
    : WxrRecord(Line, Column);

public enum WxrTermKind
{
    Category,
    Tag,
}

/// <summary>A category or tag an item is filed under.</summary>
public sealed record WxrItemTerm(WxrTermKind Kind, string Nicename, string Name);

public sealed record WxrComment(
    long Id,
    long ParentId,
    string AuthorName,
    string? AuthorEmail,
    string? AuthorUrl,
    string? AuthorIp,
    DateTime Date,
    string Content,
    string Approved,
    string Type);

/// <summary>An &lt;item&gt;: a post, page, attachment, or something Herald does not import (menu items, revisions).</summary>
public sealed record WxrItem(int Line, int Column) : WxrRecord(Line, Column)
{
    /// <summary>The export's file name, for FILE:LINE:COL in the report.</summary>
    public string File { get; init; } = "";

    /// <summary>The item held XML elements nested deeper than <see cref="WxrReader.MaxElementDepth"/>; they were read as their text.</summary>
    public bool MarkupFlattened { get; init; }

    public long PostId { get; init; }
    public string Title { get; init; } = "";
    public string Link { get; init; } = "";
    public string Creator { get; init; } = "";
    public string Content { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public DateTime? Date { get; init; }
    public DateTime? Modified { get; init; }
    public string CommentStatus { get; init; } = "open";
    public string PostName { get; init; } = "";
    public string Status { get; init; } = "";
    public long ParentId { get; init; }
    public string PostType { get; init; } = "";
    public string Password { get; init; } = "";
    public bool IsSticky { get; init; }
    public string AttachmentUrl { get; init; } = "";
    public int MenuOrder { get; init; }

    /// <summary>For a nav_menu_item: the menu it belongs to (its nicename and name).</summary>
    public WxrItemTerm? Menu { get; init; }
    public IReadOnlyList<WxrItemTerm> Terms { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; init; } = [];
    public IReadOnlyList<WxrComment> Comments { get; init; } = [];

    public string? MetaValue(string key) => Meta.FirstOrDefault(m => m.Key == key).Value;

    public IEnumerable<string> MetaValues(string key) => Meta.Where(m => m.Key == key).Select(m => m.Value);
}

/// <summary>A malformed export: where in the file, and what is wrong there.</summary>
public sealed class WxrFormatException(string file, int line, int column, string message)
    : Exception($"{file}:{line}:{column}: {message}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}