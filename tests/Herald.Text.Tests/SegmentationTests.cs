namespace Herald.Text.Tests;

public sealed class SegmentationTests
{
    [Fact]
    public void ParagraphsAndSentencesWithOffsets()
    {
        string text = "Mr. Smith arrived in the U.S. on Monday. He left.\n\nA second paragraph!";
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(2, analysis.Paragraphs.Count);
        Assert.Equal(["Mr. Smith arrived in the U.S. on Monday.", "He left.", "A second paragraph!"],
            analysis.Sentences.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void MarkdownIsStrippedButOffsetsPointIntoOriginal()
    {
        string text = "# Title\n\n> \"We will **never** give up,\" said [Anna Berg](https://example.org/anna).";
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Quote quote = Assert.Single(analysis.Quotes);
        Assert.Equal("We will never give up,", quote.Text);
        Assert.Equal("Anna Berg", quote.Speaker);
        Assert.Equal('"', text[quote.Start]);
        Assert.Equal('"', text[quote.End - 1]);
        Assert.True(analysis.Paragraphs[0].IsHeading);
        Assert.DoesNotContain(analysis.Checks, c => c.Rule == "double-space");
    }
}