namespace Herald.Text.Tests;

public sealed class QuoteAttributionTests
{
    private static Quote Single(string text, QuoteKind kind = QuoteKind.Direct) =>
        Assert.Single(NewsAnalyzer.Analyze(text).Quotes, q => q.Kind == kind);

    [Fact]
    public void SpeakerAfterQuote()
    {
        Quote quote = Single("Chinese President Xi Jinping spoke on Monday.\n\n“China will play a constructive role,” Xi said.");
        Assert.Equal("China will play a constructive role,", quote.Text);
        Assert.Equal("Xi Jinping", quote.Speaker);
        Assert.Equal("said", quote.Cue);
    }

    [Fact]
    public void CueBeforeSpeakerAfterQuote()
    {
        Quote quote = Single("\"We have to be better than that,\" said Joel Akande.");
        Assert.Equal("Joel Akande", quote.Speaker);
    }

    [Fact]
    public void SpeakerBeforeQuoteWithTrailingPronounCue()
    {
        string text = "Russian President Vladimir Putin met the delegation.\n\nPutin said, \"We aim to strengthen the cooperation between our armed forces,\" he said.";
        Quote quote = Single(text);
        Assert.Equal("Vladimir Putin", quote.Speaker);
        Assert.Equal(text.IndexOf('"', StringComparison.Ordinal), quote.Start);
        Assert.Equal(text.LastIndexOf('"') + 1, quote.End);
    }

    [Fact]
    public void SpeakerBeforeQuoteWithColon()
    {
        Quote quote = Single("Anna Berg told reporters: “We will not give up.”");
        Assert.Equal("Anna Berg", quote.Speaker);
    }

    [Fact]
    public void PronounResolvesToLastPerson()
    {
        Quote quote = Single("Finance Minister Sara Lindgren presented the budget.\n\n“We are not in a crisis,” she said.");
        Assert.Equal("Sara Lindgren", quote.Speaker);
    }

    [Fact]
    public void TitleWithDemonymResolvesToPerson()
    {
        string text = "Chinese President Wang Deming met Indonesian President Budi Santoso.\n\n\"Our partnership is a model,\" the Indonesian president said.";
        Assert.Equal("Budi Santoso", Single(text).Speaker);
    }

    [Fact]
    public void SpeakerInNextSentence()
    {
        Quote quote = Single("\"We are tired and we are not paid enough.\" The words came from union leader Lucia Ortega.");
        Assert.Equal("Lucia Ortega", quote.Speaker);
    }

    [Fact]
    public void AccordingTo()
    {
        Quote quote = Single("\"The mountain is restless,\" according to Ines Carvalho.");
        Assert.Equal("Ines Carvalho", quote.Speaker);
    }

    [Fact]
    public void FollowingQuoteInheritsSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze("\"I wrote it four times,\" Clara Vance said. \"Each time I threw it away.\"");
        Assert.All(analysis.Quotes, q => Assert.Equal("Clara Vance", q.Speaker));
        Assert.Equal(2, analysis.Quotes.Count);
    }

    [Fact]
    public void MultiParagraphQuoteIsOneStatement()
    {
        string text = "“We started well.\n\n“At half-time I told them to be brave,” Daniel Brooks said.";
        Quote quote = Single(text);
        Assert.Equal("We started well. At half-time I told them to be brave,", quote.Text);
        Assert.Equal("Daniel Brooks", quote.Speaker);
        Assert.Equal(0, quote.Start);
    }

    [Fact]
    public void GuillemetsAndGermanQuotes()
    {
        Assert.Equal("Claire Dumont", Single("« We will not raise taxes », Claire Dumont said.").Speaker);
        Assert.Equal("Jonas Weber", Single("„Germany needs cheaper power“, Jonas Weber told the Bundestag.").Speaker);
    }

    [Fact]
    public void ScareQuotesAreNotStatements()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Officials called it a \"special military operation\" on Monday.");
        Assert.DoesNotContain(analysis.Quotes, q => q.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void IndirectStatementWithThat()
    {
        Quote quote = Single("Xi Jinping arrived. Xi said that the possibility of peace is always present.", QuoteKind.Indirect);
        Assert.Equal("the possibility of peace is always present", quote.Text);
        Assert.Equal("Xi Jinping", quote.Speaker);
    }

    [Fact]
    public void IndirectStatementWithoutThat()
    {
        Quote quote = Single("Opposition leader Tomas Reuter said the government had no money.", QuoteKind.Indirect);
        Assert.Equal("Tomas Reuter", quote.Speaker);
    }

    [Fact]
    public void MissingOpeningMarkStillYieldsQuote()
    {
        Analysis analysis = NewsAnalyzer.Analyze("We apologise to every passenger,\" Karl Wendt said.");
        Quote quote = Assert.Single(analysis.Quotes);
        Assert.Equal("Karl Wendt", quote.Speaker);
        Assert.Contains(analysis.Checks, c => c.Rule == "quote-unbalanced");
    }

    [Fact]
    public void StrayNestedOpeningMarkIsReported()
    {
        Analysis analysis = NewsAnalyzer.Analyze("“Our soldiers are ready, and “nobody should doubt them,” Hana Novak said.");
        Assert.Equal("Hana Novak", Assert.Single(analysis.Quotes).Speaker);
        Assert.Contains(analysis.Checks, c => c.Rule == "quote-unbalanced");
    }

    [Fact]
    public void QuoteWithoutSpeakerIsFlagged()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The hall was quiet.\n\n\"Nothing will change here.\"");
        Assert.Null(Assert.Single(analysis.Quotes).Speaker);
        Assert.Contains(analysis.Checks, c => c.Rule == "quote-no-speaker");
    }

    [Fact]
    public void PronounSkipsPersonOfOtherKnownGender()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Ms Anna Berg met President Omar Hassan.\n\n\"We agreed on everything,\" she said.");
        Assert.Equal("Anna Berg", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void UnnamedSpeakerWithOwnCueDoesNotInherit()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Police Chief Daniel Osei said: \"We will review everything.\"\n\n\"Nobody was seriously hurt,\" a police spokeswoman told AFP.");
        Assert.Equal("Daniel Osei", analysis.Quotes[0].Speaker);
        Assert.Null(analysis.Quotes[1].Speaker);
    }

    [Fact]
    public void QuoteSplitByAttribution()
    {
        Analysis analysis = NewsAnalyzer.Analyze("\"We will keep markets open,\" said Trade Minister Kavita Rao, \"because closing them helps nobody.\"");
        Assert.Equal(2, analysis.Quotes.Count);
        Assert.All(analysis.Quotes, q => Assert.Equal("Kavita Rao", q.Speaker));
    }
}