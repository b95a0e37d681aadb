namespace Herald.Text.Tests;

/// <summary>Villages known only from the list they stand in, a role's town before its holder, and cues after a long description.</summary>
public sealed class ListsAndLongCuesTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("Kirkby Thore, Temple Sowerby and Culgaith were the worst hit.\n\nA bungalow in Temple Sowerby took in water.", "Culgaith")]
    [InlineData("Kirkby Thore, Temple Sowerby and Culgaith were the worst hit.\n\nA bungalow in Temple Sowerby took in water.", "Kirkby Thore")]
    [InlineData("The 29 will lose its stops at Bintree, Foulsham and Guist from March.", "Foulsham")]
    [InlineData("The 29 will lose its stops at Bintree, Foulsham and Guist from March.", "Guist")]
    public void NamesListedWithAPlaceArePlaces(string text, string village)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), village).Type);
    }

    [Fact]
    public void ALongListWithAPlaceRetypesARareGivenNameStart()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The 12A through Themelthorpe, Wood Dalling and Guestwick will be withdrawn.");
        Assert.Equal(EntityType.Place, Find(analysis, "Wood Dalling").Type);
    }

    [Theory]
    [InlineData("Shares in Harcourt, Belling and Bristol fell on Monday.", "Belling")]
    [InlineData("The report was printed in Kazakh, Russian and English.", "Russian")]
    public void ListsOfCompaniesOrLanguagesAreNoPlaces(string text, string name)
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze(text).Entities, e => e.Type == EntityType.Place && e.Name == name);
    }

    [Fact]
    public void AListOfSurnamesOfPeopleNamedEarlierStaysPeople()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Harry Kane and Raheem Sterling started. Later Kane, Sterling and Rashford were all substituted.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Place);
    }

    [Theory]
    [InlineData("Mayor of Appleby Linda Grainger said the barriers had done their job.", "Linda Grainger")]
    [InlineData("\"It is propaganda,\" commented the deputy of Movimento Civico Andrea Lodi.", "Andrea Lodi")]
    public void ARolesTownOrBodyIsNoPartOfTheHoldersName(string text, string person)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Person, Find(analysis, person).Type);
        Assert.Equal(person, Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void CueAfterARelativeClauseDescribingTheSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Chief executive Priya Nandakumar announced the cuts on Wednesday.\n\n"
            + "\"We are not walking away from Essex, and we are not walking away from our people,\" the 51-year-old chief "
            + "executive, who joined the company from Infineon in 2021, said.");
        Assert.Equal("Priya Nandakumar", Assert.Single(analysis.Quotes, q => q.Text.StartsWith("We are", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void AnAgeNobodyWasGivenPointsAtNobodyInTheParagraphBefore()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Both goals came from corners taken by Jamie Whitfield.\n\n"
            + "\"I have scored maybe four goals in my career, so two in one afternoon is special,\" the 34-year-old defender, "
            + "who joined from Hajduk Split last summer, said.");
        Assert.Null(Assert.Single(analysis.Quotes).Speaker);
    }

    [Theory]
    [InlineData("Further south, the Teme burst its banks at Tenbury Wells on Tuesday.", "Teme")]
    [InlineData("Downstream, the Lugg has flooded fields near the town.", "Lugg")]
    [InlineData("Further rain is expected over the Wye catchment.", "Wye")]
    [InlineData("The barriers went up as the Eden and the Eamont rose.", "Eamont")]
    public void RiversNamedWithoutTheWordRiver(string text, string river)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), river).Type);
    }

    [Fact]
    public void TheWestMidlandsIsAPlaceThoughWestIsAGivenName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("She is the agency's flood manager for the West Midlands.");
        Assert.Equal(EntityType.Place, Find(analysis, "West Midlands").Type);
    }

    [Theory]
    [InlineData("Veritek Semiconductors is to cut 300 jobs.", "Veritek Semiconductors")]
    [InlineData("Its largest customer, Brennmark Automotive, is delaying a new model.", "Brennmark Automotive")]
    public void IndustryWordsNameCompanies(string text, string company)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), company).Type);
    }

    [Fact]
    public void ToldAnAudienceAndAClauseWithoutThat()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Spokesman Carl Dempsey told reporters the offer contained nothing new.");
        Quote quote = Assert.Single(analysis.Quotes);
        Assert.Equal("Carl Dempsey", quote.Speaker);
        Assert.Equal("the offer contained nothing new", quote.Text);
    }

    [Fact]
    public void ANicknameInQuotationMarksIsNoPartOfTheName()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Fly-half Sam \"Tommo\" Thompson kicked the winning penalty.\n\nDoyle was more modest. Thompson was not. \"Pressure? Nah,\" Thompson said.");
        Assert.Equal(EntityType.Person, Find(analysis, "Sam Thompson").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Sam" or "Tommo" or "Thompson");
        Assert.Equal("Sam Thompson", Assert.Single(analysis.Quotes).Speaker);
    }
}