namespace Herald.Text.Tests;

/// <summary>Words around a name in sport, business and live-blog copy that type it: clubs, companies, where people come from.</summary>
public sealed class SportAndBusinessContextTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("FULL TIME: Brackwell Town 2-1 Kelby Rovers.", "Brackwell Town")]
    [InlineData("Kelby Rovers were held 0-0 by Brackwell Town on Friday.", "Brackwell Town")]
    [InlineData("The leaders were beaten 3-1 by Morden Borough at home.", "Morden Borough")]
    [InlineData("United are three points behind leaders Morden Borough, who were held 0-0 on Friday.", "Morden Borough")]
    public void ATownOrBoroughSideInAResultIsAClub(string text, string club)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), club).Type);
    }

    [Fact]
    public void ASurnameAfterAPrepositionIsThePersonNotAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Rovers levelled through captain Lewis Marsh. Then Okafor turned inside Marsh and scored.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Place);
        Assert.Equal(EntityType.Person, Find(analysis, "Lewis Marsh").Type);
    }

    [Fact]
    public void ATownWithoutAResultStaysAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Crowds gathered in Brackwell Town Square on Saturday.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void TheClubsTownWordJoinsTheClubWhenItsOwnWordsSayOrganisation()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Harwood Athletic lost 2-1 on Saturday.\n\nHarwood boss Mark Tillotson was furious with the referee.");
        Entity club = Find(analysis, "Harwood Athletic");
        Assert.Equal(EntityType.Organization, club.Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Harwood");
    }

    [Theory]
    [InlineData("Investors also backed Mossgate, which runs co-working spaces in Leeds.", "Mossgate")]
    [InlineData("The round went to Fernbrook, which makes software for surgeries.", "Fernbrook")]
    [InlineData("The rider, who rides for Velo Brenta, kept the jersey.", "Velo Brenta")]
    [InlineData("Tillo, a spin-out from the university, raised money.", "Tillo")]
    [InlineData("A report by the investment network Northern Angels found a gap.", "Northern Angels")]
    [InlineData("Plans by Halstead Aggregates were refused.", "Halstead Aggregates")]
    [InlineData("Volunteers from Upper Dale Fell Rescue helped.", "Upper Dale Fell Rescue")]
    public void BusinessAndTeamContextMakesAnOrganisation(string text, string name)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), name).Type);
    }

    [Fact]
    public void ARiverThatRunsIsNoBusiness()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Water rose in the river Alnessa, which runs through Brennvik.");
        Assert.Equal(EntityType.Place, Find(analysis, "Alnessa").Type);
    }

    [Theory]
    [InlineData("Fans who came over from Gransby by coach filled the stand.", "Gransby")]
    [InlineData("\"Working from home,\" says Tom Heald, an accountant from Kelbrook.", "Kelbrook")]
    public void WhereAJourneyStartsOrSomeoneLivesIsAPlace(string text, string place)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), place).Type);
    }

    [Theory]
    [InlineData("**16:40** GOAL! Okafor again for the hosts.")]
    [InlineData("**14:40** Pickets are out at stations this morning.")]
    public void ShoutsAndPluralNounsOpeningALiveBlogEntryAreNoOrganisation(string text)
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze(text).Entities, e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void TheFirstOfAListWhoseNextNameIsACompanyIsACompany()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Brenner supplies brakes to Stellwerk, Ordana Motors and the truck maker Haldane Group.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Stellwerk").Type);
    }

    [Fact]
    public void AnAsideAfterANameIsNoList()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The deal was signed by Stellwerk, Ordana Motors' parent.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Stellwerk" && e.Type == EntityType.Organization);
    }

    [Fact]
    public void AWordListedWithAPlaceIsAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Brindlecombe and Starwick were without power. Margaret Holroyd has lived in Starwick all her life.");
        Assert.Equal(EntityType.Place, Find(analysis, "Brindlecombe").Type);
    }

    [Theory]
    [InlineData("Flood warnings stay in place for the river at Ilkley.", "Ilkley")]
    [InlineData("She fought back on the descent to Muckleby.", "Muckleby")]
    [InlineData("She was dropped on the climb of Harrowdale Pass.", "Harrowdale Pass")]
    [InlineData("Villages in the upper Brenna valley were cut off.", "Brenna")]
    [InlineData("Skellby, further downstream, escaped the worst.", "Skellby")]
    public void MoreWordsThatPutANameOnTheMap(string text, string place)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), place).Type);
    }

    [Fact]
    public void AtBeforeALongerNameLeavesTheTownInsideIt()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The teams are out at Brackley Road.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Brackley");
    }
}