namespace Herald.Text.Tests;

public sealed class CheckTests
{
    private static Check Only(string text, string rule) =>
        Assert.Single(NewsAnalyzer.Analyze(text).Checks, c => c.Rule == rule);

    [Fact]
    public void RunTogetherWords()
    {
        string text = "The visit played a balancing roleXi said on Friday.";
        Check check = Only(text, "run-together");
        Assert.Equal("roleXi", text[check.Start..check.End]);
    }

    [Fact]
    public void MissingSpaceAfterFullStop()
    {
        Check check = Only("The talks ended.Next week they resume.", "run-together");
        Assert.Equal("ended.Next", "The talks ended.Next week they resume."[check.Start..check.End]);
    }

    [Fact]
    public void BrandSpellingsAreNotRunTogether()
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze("She bought an iPhone on eBay and watched YouTube.").Checks, c => c.Rule == "run-together");
    }

    [Fact]
    public void TitleCaseRun()
    {
        string text = "The sides signed Memorandum On Technical Cooperation in Paris.";
        Check check = Only(text, "title-case-run");
        Assert.Equal("Memorandum On Technical Cooperation", text[check.Start..check.End]);
    }

    [Fact]
    public void KnownNamesAreNotTitleCase()
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze("Envoys met at the United Nations Security Council today.").Checks, c => c.Rule == "title-case-run");
    }

    [Fact]
    public void RepeatedSentence()
    {
        string text = "The ministry offered a 4 percent rise. Unions said no. The ministry offered a 4 percent rise.";
        Check check = Only(text, "repeated-sentence");
        Assert.True(check.Start > 40);
    }

    [Fact]
    public void HeadingOpeningWithClosingQuote()
    {
        Only("# ”Partnership for the next decade\n\nThe text.", "heading-closing-quote");
        Only("”Partnership for the next decade\n\nThe leaders met on Friday.", "heading-closing-quote");
    }

    [Fact]
    public void DoubleSpace()
    {
        Check check = Only("The talks  covered energy.", "double-space");
        Assert.Equal((9, 11), (check.Start, check.End));
    }

    [Fact]
    public void LongParagraph()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", 260)) + ".";
        Only(text, "long-paragraph");
    }

    [Fact]
    public void UnbalancedAndMismatchedQuotes()
    {
        Only("“The plan protects the most vulnerable first, Roche said.", "quote-unbalanced");
        Only("“We will win,» Roche said.", "quote-mismatched");
    }
}