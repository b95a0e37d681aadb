namespace Herald.Text;

/// <summary>Everything Herald found in one article. All offsets are UTF-16 indexes into the analysed text; End is exclusive.</summary>
public sealed class Analysis
{
    public required string Text { get; init; }
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    public IReadOnlyList<Sentence> Sentences { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    public IReadOnlyList<Check> Checks { get; init; } = [];
}

/// <param name="IsHeading">A Markdown heading or a short standalone line.</param>
public sealed record Paragraph(int Start, int End, bool IsHeading);

public sealed record Sentence(int Start, int End, int ParagraphIndex);

public enum QuoteKind { Direct, Indirect }

/// <summary>
/// A statement. For direct quotes Start/End cover the quotation including its marks and Text is
/// the words between the marks (pieces of a multi-paragraph quotation joined by one space).
/// For indirect statements Start/End cover the reported clause.
/// </summary>
public sealed record Quote(string Text, string? Speaker, string? Cue, QuoteKind Kind, int Start, int End);

/// <summary>One real-world person, organisation or place, however many names the article uses for it.</summary>
public sealed record Entity(string Name, EntityType Type, IReadOnlyList<string> Aliases, int Mentions);

/// <summary>A key figure. Value is the number as written; Scale says what it multiplies by.</summary>
public sealed record Figure(string Text, double Value, string Unit, string? Scale, string? Period, int Start, int End);

/// <summary>Something an editor should look at.</summary>
public sealed record Check(string Rule, string Message, int Start, int End);