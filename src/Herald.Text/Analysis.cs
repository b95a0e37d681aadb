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
public sealed record Quote(string Text, string? Speaker, string? Cue, QuoteKind Kind, int Start, int End)
{
    /// <summary>How sure the analysis is that Speaker made the statement, 0 to 1; 0 when no speaker was found.</summary>
    public double Confidence { get; init; }

    /// <summary>Why the speaker was chosen, in words an editor reads ("'said' right after the quotation names Xi Jinping").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The speaker was named beside the cue, not reached through a pronoun or description.</summary>
    internal bool SpeakerNamed { get; init; }

    /// <summary>Whether a public page may show Speaker as the one who said it; see <see cref="Confidence"/>.</summary>
    public bool IsConfident => Speaker is not null && Confidence >= ConfidenceThreshold.PublicPages;
}

/// <summary>One real-world person, organisation or place, however many names the article uses for it.</summary>
public sealed record Entity(string Name, EntityType Type, IReadOnlyList<string> Aliases, int Mentions)
{
    /// <summary>How sure the analysis is that this is a real entity of this Type, 0 to 1.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>What made it one, in words an editor reads ("title 'minister' before the name", "GeoNames town").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Whether public topic pages (/people, /organisations, /places) may list it without an editor's confirmation.</summary>
    public bool IsConfident => Confidence >= ConfidenceThreshold.PublicPages;
}

/// <summary>Where Herald draws the line between "found" and "sure enough to publish".</summary>
public static class ConfidenceThreshold
{
    /// <summary>
    /// Entities and speakers at or above this confidence may appear on public pages on the analysis
    /// alone; below it they wait in the newsroom for an editor. A single clear signal (a title before
    /// a name, a gazetteer country, a company suffix, a named speaker beside "said") reaches it; a
    /// guess from capital letters alone does not.
    /// </summary>
    public const double PublicPages = 0.8;
}

/// <summary>A key figure. Value is the number as written; Scale says what it multiplies by.</summary>
public sealed record Figure(string Text, double Value, string Unit, string? Scale, string? Period, int Start, int End);

/// <summary>Something an editor should look at.</summary>
public sealed record Check(string Rule, string Message, int Start, int End);