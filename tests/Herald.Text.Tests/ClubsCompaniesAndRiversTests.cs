namespace Herald.Text.Tests;

/// <summary>
/// Towns standing for their clubs in sport copy, leagues, companies named once (tickers, share moves, brands), parties,
/// rivers water is drawn from, lists of villages with no known place, single guillemets, and two leaders.
/// </summary>
public sealed class ClubsCompaniesAndRiversTests
{
    private const string SportWords = " The striker scored twice and the goalkeeper saved a penalty.";

    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    private static EntityType TypeOf(string text, string name) => Find(NewsAnalyzer.Analyze(text), name).Type;

    [Theory]
    [InlineData("Shares in Calloway Holdings (LSE: CWH) rose on Monday.", "Calloway Holdings")]
    [InlineData("Mervale (NYSE: MRV) fell after the warning.", "Mervale")]
    public void ANameBeforeATickerIsACompanyAndTheTickerIsNoName(string text, string company)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, company).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "LSE" or "CWH" or "NYSE" or "MRV");
    }

    [Theory]
    [InlineData("Elsewhere, Corvanta slipped 2% and Halden Brisk rose 4 per cent.", "Corvanta")]
    [InlineData("Elsewhere, Corvanta slipped 2% and Halden Brisk rose 4 per cent.", "Halden Brisk")]
    public void ANameWhoseSharesMoveByAPercentageIsACompany(string text, string company)
    {
        Assert.Equal(EntityType.Organization, TypeOf(text, company));
    }

    [Fact]
    public void AnEverydayWordOpeningASentenceIsNoCompanyForMovingByAPercentage()
    {
        Assert.Empty(NewsAnalyzer.Analyze("Sales rose 6% in the year. Larger companies were mixed.").Entities);
    }

    [Theory]
    [InlineData("Pellham Group, which owns the Pemberley and Oakridge Living brands, will close stores.", "Pemberley")]
    [InlineData("Pellham Group, which owns the Pemberley and Oakridge Living brands, will close stores.", "Oakridge Living")]
    public void NamesBeforeAKindOfBusinessAreOrganisations(string text, string brand)
    {
        Assert.Equal(EntityType.Organization, TypeOf(text, brand));
    }

    [Theory]
    [InlineData("He scored 12 goals in League One last season." + SportWords, "League One")]
    [InlineData("He trained with a Premier League squad for two years." + SportWords, "Premier League")]
    public void LeaguesAreOrganisations(string text, string league)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, league).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void ACupIsAnEventNotAnOrganisation()
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze("They went out of the League Cup on Tuesday." + SportWords).Entities, e => e.Name.Contains("Cup", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Striker Tom Hale has joined Macclesfield Town from Derby County on loan." + SportWords, "Macclesfield Town")]
    [InlineData("Striker Tom Hale has joined Macclesfield Town from Derby County on loan." + SportWords, "Derby County")]
    [InlineData("Kirkby lost 3-0 at Penrith on Saturday.", "Penrith")]
    [InlineData("Appleby travel to Penrith on Saturday." + SportWords, "Penrith")]
    [InlineData("Goalkeeper Liam Hesketh has arrived on loan from Burnley." + SportWords, "Burnley")]
    [InlineData("Norrhavn face Kendal Celtic in the next round." + SportWords, "Kendal Celtic")]
    public void TownsInSportCopyStandForTheirClubs(string text, string club)
    {
        Assert.Equal(EntityType.Organization, TypeOf(text, club));
    }

    [Fact]
    public void ATownInSportCopyStaysATownWhereTheWordsPutItOnAMap()
    {
        Assert.Equal(EntityType.Place, TypeOf("Fans travelled from Penrith by coach." + SportWords, "Penrith"));
    }

    [Fact]
    public void AGivenNameThatIsAlsoARoleOpensTheName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Substitute Dean Ashworth headed the winner. \"I waited all season,\" said Ashworth, 19.");
        Assert.Equal(EntityType.Person, Find(analysis, "Dean Ashworth").Type);
        Assert.Equal("Dean Ashworth", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void ALowerCaseCompoundOpeningASentenceIsNoPartOfTheName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Non-league Hednesford Town have appointed Gemma Price as manager." + SportWords);
        Assert.Equal(EntityType.Organization, Find(analysis, "Hednesford Town").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.StartsWith("Non", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Brackenby")]
    [InlineData("Ellerwick")]
    public void AListOfNamesInAnArticleThatListsVillagesIsMoreVillages(string village)
    {
        string text = "Fibre has reached Dufton, Murton and Hilton, the last three parishes still waiting.\n\n"
            + "The scheme began in 2021 with Brackenby, Thornsett and Ellerwick.";
        Assert.Equal(EntityType.Place, TypeOf(text, village));
    }

    [Fact]
    public void AListOfEverydayWordsIsNoVillagesWhateverTheArticleLists()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Fibre has reached Dufton, Murton and Hilton, the last three parishes still waiting.\n\n"
            + "Filed under Shipping, Kestrel Maritime, Leadership.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Place && e.Name is "Shipping" or "Leadership");
    }

    [Fact]
    public void AListOfNamesInAnArticleWithoutVillagesStaysUntyped()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The scheme began in 2021 with Brackenby, Thornsett and Ellerwick.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Place);
    }

    [Theory]
    [InlineData("The firm may take more water from the Rother and the Brede until November.", "Rother")]
    [InlineData("The firm may take more water from the Rother and the Brede until November.", "Brede")]
    [InlineData("Trout are struggling in the lower reaches of the Ouse.", "Ouse")]
    public void RiversNamedByWhatTheyGiveOrHaveArePlaces(string text, string river)
    {
        Assert.Equal(EntityType.Place, TypeOf(text, river));
    }

    [Fact]
    public void FromTheWithoutWaterNamesNoRiver()
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze("She received a letter from the Treasury on Monday.").Entities, e => e.Type == EntityType.Place);
    }

    [Fact]
    public void SingleGuillemetsQuote()
    {
        Analysis analysis = NewsAnalyzer.Analyze("In Lausanne, the charity Terre Vive criticised the timing. ‹The money arrives too late›, wrote its director Anne Morel.");
        Quote quote = Assert.Single(analysis.Quotes);
        Assert.Equal("The money arrives too late", quote.Text);
        Assert.Equal("Anne Morel", quote.Speaker);
        Assert.Equal(EntityType.Organization, Find(analysis, "Terre Vive").Type);
    }

    [Fact]
    public void TheInternationalCommitteeOfTheRedCrossKeepsItsFullName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Switzerland will give more to the International Committee of the Red Cross, the minister said.");
        Assert.Equal(EntityType.Organization, Find(analysis, "International Committee of the Red Cross").Type);
    }

    [Fact]
    public void ACountrysCodeEndsAnOrganisationsName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Earlier, Reform UK's Dan Pike conceded in a post online.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Reform UK").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "United Kingdom");
    }

    [Fact]
    public void AnAdjectiveOfRankBeforeACountrysCodeMakesNoName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Analysts said Former US officials had doubts.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name.StartsWith("Former", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("At the count, Labour's Priya Sandhu won with a majority of 3,112.", true)]
    [InlineData("Labour costs rose sharply last year.", false)]
    [InlineData("That was the promise of Labour Minister Grace Mensah on Monday.", false)]
    public void APartyNamedByOneWord(string text, bool party)
    {
        bool found = NewsAnalyzer.Analyze(text).Entities.Any(e => e.Name == "Labour" && e.Type == EntityType.Organization);
        Assert.Equal(party, found);
    }

    [Fact]
    public void APlaceBeforeByElectionIsAPlace()
    {
        Assert.Equal(EntityType.Place, TypeOf("Voters in the Kingswood by-election went to the polls on Thursday.", "Kingswood"));
    }

    [Fact]
    public void TheLeaderIsTheCouncilLeaderNotTheOppositionLeader()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Council leader Margaret Fenwick said the rise was needed.\n\n"
            + "The opposition leader, Rob Tindall, said the council had wasted money on consultants.\n\n"
            + "The leader said the figure was wrong.");
        Assert.Equal("Margaret Fenwick", Assert.Single(analysis.Quotes, q => q.Text.Contains("figure", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void TheCompanyIsNeverAClub()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Brenwick Foods has agreed to sponsor the Kelby Angling Club for three years.\n\n"
            + "The company said it would renew the deal in 2028.");
        Assert.Equal("Brenwick Foods", Assert.Single(analysis.Quotes).Speaker);
    }
}