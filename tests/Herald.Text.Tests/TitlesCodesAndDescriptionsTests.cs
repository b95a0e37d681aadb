namespace Herald.Text.Tests;

/// <summary>
/// "Cllr" as a title, letters after a name ("KC", "OBE") and currency codes ("NOK 640m") that are no part of a name, an
/// organisation's or a place's word that is also a town ("the University of ...", "the Isle of ..."), "upon" inside a
/// town's name, "Alps", a pronoun after a description subject ("the teenager smiled") or an unnamed one ("A neighbour, who
/// asked not to be named, ..."), and "the detective" for a Detective Inspector.
/// </summary>
public sealed class TitlesCodesAndDescriptionsTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("The leader of the council, Cllr Jane Orrell, said the library would stay open.", "Jane Orrell")]
    [InlineData("Deputy leader Cllr Mark Soames said officers had met the tenants twice.", "Mark Soames")]
    public void CllrIsATitleNotPartOfTheName(string text, string person)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Person, Find(analysis, person).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.StartsWith("Cllr", StringComparison.Ordinal));
        Assert.Equal(person, Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void LettersAfterANameAreNoPartOfIt()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "For the defence, Peter Marlow KC told the jury that his client had kept no records. Marlow said the accounts were a mess.");
        Assert.Equal(EntityType.Person, Find(analysis, "Peter Marlow").Type);
        Assert.All(analysis.Quotes, q => Assert.Equal("Peter Marlow", q.Speaker));
        Assert.Equal(2, analysis.Quotes.Count);
    }

    [Fact]
    public void AnHonourIsNoOrganisation()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Ruth Dacre was appointed OBE in 2001 and made a CBE in 2012.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "OBE" or "CBE");
    }

    [Fact]
    public void ACurrencyCodeEndsTheNameBeforeIt()
    {
        Analysis analysis = NewsAnalyzer.Analyze("It agreed to buy the Swedish pump maker Lindqvist Hydraulik AB for SEK 910m. Profit rose to DKK 40m.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Lindqvist Hydraulik AB").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("SEK", StringComparison.Ordinal) || e.Name.Contains("DKK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("She studied law at the University of Glasgow before moving south.", "University of Glasgow", EntityType.Organization)]
    [InlineData("He spent ten years at the College of Durham as a lecturer.", "College of Durham", EntityType.Organization)]
    [InlineData("Walkers were stranded on the Isle of Bute overnight.", "Isle of Bute", EntityType.Place)]
    [InlineData("Snow closed the passes of the Bernese Alps overnight.", "Bernese Alps", EntityType.Place)]
    [InlineData("The plant will move to a new site in Newcastle upon Tyne next year.", "Newcastle upon Tyne", EntityType.Place)]
    public void NamesWithAnOrganisationOrPlaceWord(string text, string name, EntityType type)
    {
        Assert.Equal(type, Find(NewsAnalyzer.Analyze(text), name).Type);
    }

    [Fact]
    public void APronounAfterADescriptionSubjectIsNotTheLastNamedPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Midfielder Tom Asquith scored twice. \"We deserved it,\" Asquith said.\n\n" +
            "Asked about a move abroad, the teenager shrugged. \"I like it here,\" he said.");
        Quote quote = Assert.Single(analysis.Quotes, q => q.Text.StartsWith("I like", StringComparison.Ordinal));
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void APronounAfterADescriptionOfSomeoneKnownGoesToThem()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Joe Denby, 18, came off the bench. Captain Sam Hurst scored the winner. \"Great finish,\" Hurst said.\n\n" +
            "The teenager was less pleased. \"I should have scored,\" he said.");
        Quote quote = Assert.Single(analysis.Quotes, q => q.Text.StartsWith("I should", StringComparison.Ordinal));
        Assert.Equal("Joe Denby", quote.Speaker);
    }

    [Fact]
    public void TheOppositionLeaderIsNotTheLeader()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Council leader Mary Holt won the vote. Asked about the pool, the leader said it would close.\n\n" +
            "The opposition leader said the fight would go on.");
        Assert.DoesNotContain(analysis.Quotes, q => q.Speaker == "Mary Holt" && q.Text.StartsWith("the fight", StringComparison.Ordinal));
    }

    [Fact]
    public void APronounAfterAnUnnamedSubjectHasNoSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Inspector Jane Rook said the fire was started deliberately.\n\n" +
            "A neighbour, who asked not to be named, was woken by shouting.\n\n\"I saw him jump,\" she said.");
        Quote quote = Assert.Single(analysis.Quotes, q => q.Text.StartsWith("I saw", StringComparison.Ordinal));
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void TheDetectiveIsTheDetectiveNamedBefore()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Detective Inspector Jane Rook led the search. Officers found the car at dawn. \"Any footage could help,\" the detective said.");
        Assert.Equal("Jane Rook", Assert.Single(analysis.Quotes).Speaker);
    }
}