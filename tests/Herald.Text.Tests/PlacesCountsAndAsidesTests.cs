namespace Herald.Text.Tests;

/// <summary>
/// Places outside the name lists found by what surrounds them, reported clauses that open with a count, ports and
/// airports that speak, asides between a subject and its cue, and share indices.
/// </summary>
public sealed class PlacesCountsAndAsidesTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("The firm moved its workshops to Varnholt last year.", "Varnholt")]
    [InlineData("One victim, a widow from Eskerby, lost her savings.", "Eskerby")]
    [InlineData("The reindeer herders of Skaidijohk met on Monday.", "Skaidijohk")]
    [InlineData("Capacity at the border station of Tolqinobod was raised.", "Tolqinobod")]
    [InlineData("Waves broke over the promenade at Brannock all night.", "Brannock")]
    [InlineData("Residents in Hallow Green and nearby Merriton have complained.", "Merriton")]
    public void APlaceOutsideTheListsIsKnownByWhatSurroundsIt(string text, string place)
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze(text), place).Type);
    }

    [Fact]
    public void MovingSomethingToADayIsNoPlace()
    {
        Assert.Empty(NewsAnalyzer.Analyze("She moved the meeting to Friday. He was moved to tears.").Entities);
        // Someone who "moved to" a name may have joined a club there: no object, no place.
        Assert.DoesNotContain(NewsAnalyzer.Analyze("Tom Hale moved to Brantwick last summer.").Entities, e => e.Type == EntityType.Place);
    }

    [Theory]
    [InlineData("The grid operator Northgrid says about 40,000 homes are still without power.", "Northgrid", "about 40,000 homes are still without power")]
    [InlineData("The grid operator Northgrid said 22 substations have been repaired.", "Northgrid", "22 substations have been repaired")]
    [InlineData("The grid operator Northgrid said more than 300 engineers were at work.", "Northgrid", "more than 300 engineers were at work")]
    public void AReportedClauseMayOpenWithACount(string text, string speaker, string clause)
    {
        Quote quote = Assert.Single(NewsAnalyzer.Analyze(text).Quotes);
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(clause, quote.Text);
    }

    [Theory]
    [InlineData("The minister Ana Ruiz said 40 times in the debate that nothing had changed.")]
    [InlineData("The council leader Ana Ruiz said about the plan only that it was early.")]
    public void ACountWithNoVerbAfterItIsNoClause(string text)
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze(text).Quotes, q => q.Text.StartsWith("40", StringComparison.Ordinal) || q.Text.StartsWith("about", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kelso Airport says 22 flights have been diverted or cancelled.", "Kelso Airport")]
    [InlineData("The Port of Harwich-Felixstowe said about 40 ships were waiting.", "Port of Harwich-Felixstowe")]
    public void AnAirportOrPortThatSpeaksIsAnOrganisation(string text, string name)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, name).Type);
        Assert.Equal(name, Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void AnAirportWhereSomeoneWaitsStaysAPlace()
    {
        Assert.Equal(EntityType.Place, Find(NewsAnalyzer.Analyze("Travellers slept at Kelso Airport overnight."), "Kelso Airport").Type);
    }

    [Theory]
    [InlineData("Brackwell Foods, a supplier to the retailer Corland Stores, said in a statement that no jobs would go.", "Brackwell Foods")]
    [InlineData("Mara Lind, the chair of the Harbour Residents' Association, said the plan had failed.", "Mara Lind")]
    public void ANameInAnAsideBeforeTheCueIsNotTheSpeaker(string text, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(NewsAnalyzer.Analyze(text).Quotes).Speaker);
    }

    [Fact]
    public void ASpeakerAfterADescriptionIsStillTheSpeaker()
    {
        Quote quote = Assert.Single(NewsAnalyzer.Analyze("On Monday, the Corland Stores chief executive Ana Ruiz said sales had risen.").Quotes);
        Assert.Equal("Ana Ruiz", quote.Speaker);
    }

    [Fact]
    public void APossessiveNameIsNotTheSubjectAPronounReturnsTo()
    {
        const string text = "Marta Lindqvist won the race. Lindqvist's coach, Pieter Hals, said the plan had worked. He said: \"We planned this for a year.\"";
        Quote quote = Assert.Single(NewsAnalyzer.Analyze(text).Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Pieter Hals", quote.Speaker);
    }

    [Fact]
    public void AShareIndexIsNoEntity()
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze("In Hong Kong, the Hang Seng index edged up, and the Kospi index fell.").Entities,
            e => e.Name.Contains("Seng", StringComparison.Ordinal) || e.Name == "Kospi");
    }
}