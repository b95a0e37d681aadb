namespace Herald.Text.Tests;

public sealed class EntityTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Fact]
    public void OnePersonUnderAllNames()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Russian President Vladimir Putin arrived. Putin met aides. Vladimir Putin left.");
        Entity putin = Find(analysis, "Vladimir Putin");
        Assert.Equal(EntityType.Person, putin.Type);
        Assert.Equal(3, putin.Mentions);
        Assert.Contains("Putin", putin.Aliases);
        Assert.Single(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void GazetteerPlacesAndOrganisations()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Leaders from NATO, the EU and the African Union met in Nairobi, Kenya.");
        Assert.Equal(EntityType.Organization, Find(analysis, "North Atlantic Treaty Organization").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "European Union").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "African Union").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Nairobi").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Kenya").Type);
    }

    [Fact]
    public void AcronymDefinedInText()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The Pacific Fisheries Commission (PFC) met. The PFC agreed.");
        Entity body = Find(analysis, "Pacific Fisheries Commission");
        Assert.Contains("PFC", body.Aliases);
        Assert.Equal(3, body.Mentions);
    }

    [Fact]
    public void KnownEntitiesFromOptions()
    {
        var options = new AnalyzerOptions
        {
            KnownEntities = [new KnownEntity("Herald Media Group", EntityType.Organization, ["HMG", "Heraldco"])],
        };
        Analysis analysis = NewsAnalyzer.Analyze("Heraldco said profits rose. HMG will hire.", options);
        Assert.Equal(2, Find(analysis, "Herald Media Group").Mentions);
    }

    [Fact]
    public void TitlesMakePeople()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The report was written by Dr Amara Obi and Coach Lee.");
        Assert.Equal(EntityType.Person, Find(analysis, "Amara Obi").Type);
    }

    [Fact]
    public void OrganisationAndPlaceWords()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Nordvik Energy works near the Ciliwung River.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Nordvik Energy").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Ciliwung River").Type);
    }

    [Fact]
    public void InitialsParticlesAndAbbreviatedTitles()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Dr. Amara Obi met John F. Kennedy and President Abdel Fattah al-Sisi.");
        Assert.Equal(EntityType.Person, Find(analysis, "Amara Obi").Type);
        Assert.Equal(EntityType.Person, Find(analysis, "John F. Kennedy").Type);
        Assert.Equal(EntityType.Person, Find(analysis, "Abdel Fattah al-Sisi").Type);
    }

    [Fact]
    public void DatelineAndOrganisationAfterAt()
    {
        Analysis analysis = NewsAnalyzer.Analyze("ISTANBUL — Analysts at Commerzbank said the market had priced in a deal.");
        Assert.Equal(EntityType.Place, Find(analysis, "Istanbul").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Commerzbank").Type);
    }

    [Fact]
    public void HeadlineCapitalsDoNotMakePeople()
    {
        Analysis analysis = NewsAnalyzer.Analyze("# What the New Budget Means for Rachel Moore\n\nChancellor Rachel Moore spoke. Apple shares rose.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Budget Means" or "Apple");
        Assert.Equal(EntityType.Person, Find(analysis, "Rachel Moore").Type);
    }
}