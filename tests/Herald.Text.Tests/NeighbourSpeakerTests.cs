namespace Herald.Text.Tests;

/// <summary>Speakers of live-blog and sport copy: quotations without a cue of their own, and who must not get one.</summary>
public sealed class NeighbourSpeakerTests
{
    [Fact]
    public void UnnamedSubjectWithCueBeforeColonTakesNoSpeakerFromTheEntryBefore()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "**15:02** Its director, Nadia Forde: \"Check before you travel.\"\n\n" +
            "**14:40** Pickets are out. One driver, who did not want to be named, told us: \"Nobody wants this.\"");
        Assert.Equal("Nadia Forde", analysis.Quotes[0].Speaker);
        Assert.Null(analysis.Quotes[1].Speaker);
    }

    [Fact]
    public void LiveBlogEntryDoesNotContinueTheQuotationOfTheEntryBefore()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "**16:10** Club captain Owen Barr told the radio: \"We were awful.\"\n\n" +
            "**15:55** \"A fair result in the end.\"");
        Assert.Equal("Owen Barr", analysis.Quotes[0].Speaker);
        Assert.Null(analysis.Quotes[1].Speaker);
    }

    [Fact]
    public void CuelessQuotationAfterASentenceAboutOnePerson()
    {
        Quote quote = Assert.Single(NewsAnalyzer.Analyze(
            "Minister Carol Hirst was asked about the strike on her way in. \"I won't negotiate through the media.\"").Quotes);
        Assert.Equal("Carol Hirst", quote.Speaker);
        Assert.False(quote.IsConfident);
    }

    [Fact]
    public void CuelessQuotationAfterASentenceWithTwoPeopleHasNoSpeaker()
    {
        Quote quote = Assert.Single(NewsAnalyzer.Analyze(
            "Minister Carol Hirst met union leader Paul Grange on Monday. \"Nothing was agreed.\"").Quotes);
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void QuotationParagraphFollowedByNameAndCue()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Rider Ellen Shaw was dropped on the last climb.\n\n\"I thought it was over.\"\n\nShaw said her team had waited for her.");
        Assert.Equal("Ellen Shaw", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
    }

    [Fact]
    public void QuotationParagraphFollowedByNameWithoutCueHasNoSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "The race ended in rain.\n\n\"I thought it was over.\"\n\nRider Ellen Shaw crossed the line third.");
        Assert.Null(Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void TheTeenagerIsThePersonWhoseAgeIsInTheTeens()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Manager Neil Carver sent on striker Jake Dunmore late.\n\nDunmore, 19, scored twice. \"I can't describe it,\" the teenager said.");
        Assert.Equal("Jake Dunmore", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void TheTeenagerWithNoAgeGivenHasNoSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Manager Neil Carver sent on striker Jake Dunmore late.\n\n\"I can't describe it,\" the teenager said.");
        Assert.Null(Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void TradeBeforeANameIsATitleNotPartOfTheName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Farmer Tom Metcalfe lost 30 sheep. \"We couldn't get to them,\" he said.");
        Assert.Equal("Tom Metcalfe", Assert.Single(analysis.Quotes).Speaker);
        Assert.Contains(analysis.Entities, e => e.Name == "Tom Metcalfe" && e.Type == EntityType.Person);
    }
}