namespace Herald.Text.Tests;

/// <summary>
/// A body named only by dictionary words that opens a sentence and speaks ("World Rugby said"), the Romance "of" and a
/// second place inside an organisation's name, "Conservancy" and "Metro" as organisation words, and a reported clause
/// whose own "that" comes after its subject and verb.
/// </summary>
public sealed class BodiesAndClausesTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Theory]
    [InlineData("World Rugby said the tackle had been legal.", "World Rugby")]
    [InlineData("World Sailing has confirmed the race will start on time.", "World Sailing")]
    public void DictionaryWordsThatSpeakAtASentenceStartAreABody(string text, string name)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, name).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void ASentenceStartWordBeforeANameIsStillDropped()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Veteran Jane Corley said the club had lost its way.");
        Assert.Equal(EntityType.Person, Find(analysis, "Jane Corley").Type);
    }

    [Theory]
    [InlineData("Metro do Porto says the line will reopen at six.", "Metro do Porto")]
    [InlineData("She worked for the Wildlife Conservancy for a decade.", "Wildlife Conservancy")]
    [InlineData("He chaired the Geological Society of Scotland and Wales until 2010.", "Geological Society of Scotland and Wales")]
    public void OrganisationsWithTheirPlaces(string text, string name)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, name).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Place);
    }

    [Theory]
    [InlineData("Her lawyer, Tom Reyes, said his client accepted that errors had been made.", "his client accepted that errors had been made")]
    [InlineData("Tom Reyes said the company had hoped that talks would resume.", "the company had hoped that talks would resume")]
    [InlineData("Tom Reyes said on Monday that talks would resume.", "talks would resume")]
    [InlineData("Tom Reyes told the committee that the plan was ready.", "the plan was ready")]
    public void TheClauseBeginsWhereItsSubjectDoes(string text, string clause)
    {
        Quote quote = Assert.Single(NewsAnalyzer.Analyze(text).Quotes);
        Assert.Equal("Tom Reyes", quote.Speaker);
        Assert.Equal(clause, quote.Text);
    }
}