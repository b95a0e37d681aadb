namespace Herald.Text.Tests;

/// <summary>Words around a name that type it: journeys, sides of a place, lists, results and scores.</summary>
public sealed class EntityContextTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("The inspectors travelled to Brennvik on Monday.", "Brennvik")]
    [InlineData("Ferries from Oslo to Brennvik ran two hours late.", "Brennvik")]
    [InlineData("Ferries from Oslo to the Sarnholm islands ran late.", "Sarnholm")]
    [InlineData("The storm flattened barns north of Brennvik overnight.", "Brennvik")]
    [InlineData("Trawlers fish off the northern tip of Sarnholm.", "Sarnholm")]
    [InlineData("Water rose fast in the river Alnessa overnight.", "Alnessa")]
    [InlineData("Crews from Alnessa and Torrevik counties helped.", "Alnessa")]
    [InlineData("Crews from Alnessa and Torrevik counties helped.", "Torrevik")]
    [InlineData("The warmest place was Elvbakken, in the province of Nordland.", "Elvbakken")]
    [InlineData("Kari Moen runs a gift shop on Vestgata with her son.", "Vestgata")]
    [InlineData("The company will close its plant at Brennvik next year.", "Brennvik")]
    [InlineData("The letters are kept by the National Archives at Lindholm.", "Lindholm")]
    public void ContextPutsAnUnlistedNameOnTheMap(string text, string place)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), place).Type);
    }

    [Fact]
    public void EveryRiverOfTheListIsAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Farmers near the rivers Alnessa and Torrevik moved their sheep.");
        Assert.Equal(EntityType.Place, Find(analysis, "Alnessa").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Torrevik").Type);
    }

    [Fact]
    public void APersonWhereSheIsStaysAPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Karin Moen, in Oslo for the talks, said nothing had been agreed.");
        Assert.Equal(EntityType.Person, Find(analysis, "Karin Moen").Type);
    }

    [Fact]
    public void GoingSomewhereIsNotMovingClubs()
    {
        // A player "moved to" a club: no place is read from that.
        Analysis analysis = NewsAnalyzer.Analyze("Tom Hale moved to Brantwick last summer, his agent said.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Brantwick" && e.Type == EntityType.Place);
    }

    [Fact]
    public void ASingleScoreMakesTeams()
    {
        Analysis analysis = NewsAnalyzer.Analyze("On Saturday Kestrels beat Harbourside 27-19 in the rain.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Kestrels").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Harbourside").Type);
    }

    [Theory]
    [InlineData("Kestrels drew 2-2 at home on Friday.", "Kestrels")]
    [InlineData("It was a 3-1 win over Harbourside for the champions.", "Harbourside")]
    [InlineData("The team came home after a 2-0 home defeat by Harbourside.", "Harbourside")]
    public void ResultsAndScoresNameTeams(string text, string team)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), team).Type);
    }

    [Theory]
    [InlineData("The airline ordered twelve jets from Corvair on Tuesday.", "Corvair")]
    [InlineData("Rovers signed the winger from Kestrel Albion last week.", "Kestrel Albion")]
    [InlineData("Fulham rejected a third bid from Brantwick for their captain.", "Brantwick")]
    public void TheOtherSideOfADealIsAnOrganisation(string text, string name)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), name).Type);
    }

    [Fact]
    public void AClubNamedForATownIsOneClub()
    {
        // Hamburg is a city; after a deal's "from" the word before it makes one club's name.
        Analysis analysis = NewsAnalyzer.Analyze("The defender signed on loan from Sportfreunde Hamburg in January.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Sportfreunde Hamburg").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Hamburg");
    }

    [Fact]
    public void ADealWithAPersonKeepsThePerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The museum bought the painting from Karin Moen in May.");
        Assert.Equal(EntityType.Person, Find(analysis, "Karin Moen").Type);
    }

    [Fact]
    public void SetScoresLeavePlayersPeople()
    {
        Analysis analysis = NewsAnalyzer.Analyze("In the final Anna Verhoeven beat Marta Kolinska 6-4 6-3.");
        Assert.Equal(EntityType.Person, Find(analysis, "Anna Verhoeven").Type);
        Assert.Equal(EntityType.Person, Find(analysis, "Marta Kolinska").Type);
    }

    [Fact]
    public void AClubWordStandsForTheClub()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Northvale Rovers lost again on Saturday. Rovers captain Tom Hale was angry.");
        Entity club = Find(analysis, "Northvale Rovers");
        Assert.Equal(EntityType.Organization, club.Type);
        Assert.Contains("Rovers", club.Aliases);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Rovers");
    }

    [Fact]
    public void ANameListedWithACompanyIsACompany()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Shares in the brewer rose 2%, ahead of Hollis Group and Corvina.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Corvina").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Hollis Group").Type);
    }

    [Fact]
    public void APersonAndACompanyAreTwoNames()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The prize went to Karin Moen and Hollis Group.");
        Assert.Equal(EntityType.Person, Find(analysis, "Karin Moen").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Hollis Group").Type);
    }

    [Theory]
    [InlineData("The Ministry of Trade and Industry said exports rose.", "Ministry of Trade and Industry")]
    [InlineData("Shares in Marks and Spencer Group rose.", "Marks and Spencer Group")]
    public void AnOrganisationsOwnAndStays(string text, string name)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), name).Type);
    }

    [Theory]
    [InlineData("On Tuesday Brantwell posted a pre-tax profit of 40 million euros.")]
    [InlineData("On Tuesday Brantwell cut its forecast for the year.")]
    public void ResultsAreABusinesss(string text)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), "Brantwell").Type);
    }

    [Fact]
    public void AnEconomistsForecastIsHers()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Economist Karin Moen cut her forecast for the year.");
        Assert.Equal(EntityType.Person, Find(analysis, "Karin Moen").Type);
    }

    [Fact]
    public void WhichIsNeverSaidOfAPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Pupils from Vestby Lindholt, which opened in 1880, marched through the town.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Vestby Lindholt" && e.Type == EntityType.Person);
    }

    [Fact]
    public void CapitalLettersAloneMakeNoPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The choir sang with Vestby Lindholt on Sunday evening.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Vestby Lindholt");
    }

    [Fact]
    public void ANameThatSpeaksIsKept()
    {
        Analysis analysis = NewsAnalyzer.Analyze("\"We sang well,\" said Vestby Lindholt after the concert.");
        Assert.Equal("Vestby Lindholt", Assert.Single(analysis.Quotes).Speaker);
        Assert.Equal(EntityType.Person, Find(analysis, "Vestby Lindholt").Type);
    }
}