using Herald.Text.Segmentation;

namespace Herald.Text.Checks;

/// <summary>Checks on whole paragraphs: overlong ones and headings that open with a closing quote mark.</summary>
internal static class ParagraphChecks
{
    public const string LongRule = "long-paragraph";
    public const string HeadingQuoteRule = "heading-closing-quote";
    private const int MaxWords = 250;

    public static void Run(string text, IReadOnlyList<Paragraph> paragraphs, List<Check> checks)
    {
        foreach (Paragraph paragraph in paragraphs)
        {
            int words = ParagraphSplitter.CountWords(text, paragraph.Start, paragraph.End);
            if (words > MaxWords)
            {
                checks.Add(new Check(LongRule, $"Paragraph has {words} words; consider splitting it (over {MaxWords}).", paragraph.Start, paragraph.End));
            }
            if (paragraph.IsHeading && text[paragraph.Start] is '”' or '»' or '’')
            {
                checks.Add(new Check(HeadingQuoteRule, "Heading opens with a closing quotation mark.", paragraph.Start, paragraph.Start + 1));
            }
        }
    }
}