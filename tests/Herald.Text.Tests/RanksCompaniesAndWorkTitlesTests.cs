namespace Herald.Text.Tests;

/// <summary>
/// A police rank before a name and the force after "of" are no part of the person's name; "Inc." keeps its full stop;
/// "a fund manager at ..." describes a person, not an organisation; a song or film title in quotation marks is no quote.
/// </summary>
public sealed class RanksCompaniesAndWorkTitlesTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Fact]
    public void ARankAndTheForceAreNoPartOfTheName()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Detective Constable Omar Haddad of Cumbria Constabulary said the van had been found near the harbour.");
        Assert.Equal(EntityType.Person, Find(analysis, "Omar Haddad").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Cumbria Constabulary").Type);
        Assert.Equal("Omar Haddad", Assert.Single(analysis.Quotes).Speaker);
    }

    [Theory]
    [InlineData("The deal values Quillfeather Inc. at $2 billion, the people said.", "Quillfeather Inc.")]
    [InlineData("Shares in Marrowby Corp. fell 4 per cent on Tuesday.", "Marrowby Corp.")]
    [InlineData("The chips are made by Tallow Semiconductor Inc.", "Tallow Semiconductor Inc.")]
    public void AnAmericanAbbreviationKeepsItsFullStop(string text, string name)
    {
        Assert.Equal(EntityType.Organization, Find(NewsAnalyzer.Analyze(text), name).Type);
    }

    [Fact]
    public void AFundManagerIsAPersonAndTheFirmAnOrganisation()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Nadia Kerr, a fund manager at Greyloch Asset Management, said the bid was too low. \"It is a bargain for them,\" she said.");
        Assert.Equal(EntityType.Person, Find(analysis, "Nadia Kerr").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Greyloch Asset Management").Type);
        Assert.All(analysis.Quotes, q => Assert.Equal("Nadia Kerr", q.Speaker));
    }

    [Theory]
    [InlineData("The encore was quieter. \"Paper Lanterns in the Rain\" drifted over the bay; \"Salt Road\" closed the night.")]
    [InlineData("Her second film, shot in Fife, was better. \"Winter Orchard\" runs for three hours and never drags.")]
    public void ATitleInQuotationMarksIsNoQuote(string text)
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze(text).Quotes, q => q.Kind == QuoteKind.Direct);
    }

    [Theory]
    [InlineData("Asked for his verdict, Callum Reid said: \"Never Again\"")]
    [InlineData("\"Well Done Everyone,\" Callum Reid told the squad.")]
    public void AShortStatementInTitleCaseStaysAQuote(string text)
    {
        Assert.Equal("Callum Reid", Assert.Single(NewsAnalyzer.Analyze(text).Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
    }

    [Fact]
    public void ADescriptorBeforeACommaApposedNameMakesItAnOrganisation()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The teachers' union, Kestrel, said its members would strike on Monday.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Kestrel").Type);
        Assert.Equal("Kestrel", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void ATownJoinedToBasedIsThePlaceAndTheRestTheOrganisation()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The depot is owned by the Bristol-based Harwell Haulage Group plc, which bought it in 2019.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Harwell Haulage Group plc").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Bristol").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("-based", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Two tankers collided in the Gulf of Oman on Friday.", "Gulf of Oman")]
    [InlineData("The storm moved north across the Bay of Biscay overnight.", "Bay of Biscay")]
    public void AWaterNamedForAPlaceIsOnePlace(string text, string name)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Place, Find(analysis, name).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Gulf" or "Bay");
    }

    [Theory]
    [InlineData("Parish councillors argued over parking charges, the new surgery and a rise in the precept.")]
    [InlineData("The new coach, Mark Hollis, said little at the press conference.")]
    [InlineData("Northern Rail is adding extra carriages to the morning trains from Skipton.")]
    public void TalkAboutSomethingOrAddingThingsIsNoReportedClause(string text)
    {
        Assert.DoesNotContain(NewsAnalyzer.Analyze(text).Quotes, q => q.Kind == QuoteKind.Indirect);
    }

    [Fact]
    public void AboutBeforeANumberStillOpensAReportedClause()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The coastguard, Hanna Voss, said about 30 boats were still at sea.");
        Assert.Equal("about 30 boats were still at sea", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Indirect).Text);
    }
}