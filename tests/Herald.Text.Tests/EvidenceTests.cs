namespace Herald.Text.Tests;

/// <summary>Entities typed by evidence, each with a confidence and reasons an editor can read.</summary>
public sealed class EvidenceTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    [Fact]
    public void FishermensAssociationIsOneOrganisationAndLendsNoTownAlias()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Halvard Moe, chairman of the Norrhavn Fishermen's Association, said catches had fallen. "
            + "“You cannot save a fishery by getting rid of the fishermen,” Moe said.");
        Entity association = Find(analysis, "Norrhavn Fishermen's Association");
        Assert.Equal(EntityType.Organization, association.Type);
        Assert.DoesNotContain("Norrhavn", association.Aliases);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person && e.Name.Contains("Fishermen", StringComparison.Ordinal));
        Assert.All(analysis.Quotes, q => Assert.Equal("Halvard Moe", q.Speaker));
    }

    [Fact]
    public void AWrongGuessTheSiteStoredDoesNotOutweighTheText()
    {
        var options = new AnalyzerOptions { KnownEntities = [new KnownEntity("Norrhavn Fishermen", EntityType.Person, ["Norrhavn"])] };
        Analysis analysis = NewsAnalyzer.Analyze("The Norrhavn Fishermen's Association met on Monday.", options);
        Assert.Equal(EntityType.Organization, Find(analysis, "Norrhavn Fishermen's Association").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void TitleCaseHeadlinesAndSentenceOpenersMakeNoEntityAlone()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "# Country Has Record Harvest As Rains Return\n\nCountry director of the agency, Amina Yusuf, said the harvest was welcome.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("Country", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("Harvest", StringComparison.Ordinal));
        Assert.Equal(EntityType.Person, Find(analysis, "Amina Yusuf").Type);
    }

    [Fact]
    public void SmallTownsAndWordsThatAreTownsNeedContext()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Water reached the shops in Cockermouth on Friday. Police said the road to Keswick would stay shut. Reading is closed.");
        Assert.Equal(EntityType.Place, Find(analysis, "Cockermouth").Type);
        // "Police" and "Reading" are towns somewhere, but here they are words.
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Police" or "Reading");
    }

    [Fact]
    public void OrganisationsFromSuffixesDescriptorsAndContext()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Fjordlaks ASA agreed to buy rival Havbruk Nord. Fjordlaks will pay in cash. "
            + "The airline leases planes from lessor AerCap. Shares in Nordic Wings rose 4%. "
            + "Economists at Goldman Sachs expect a cut.");
        Entity fjordlaks = Find(analysis, "Fjordlaks ASA");
        Assert.Equal(EntityType.Organization, fjordlaks.Type);
        Assert.Contains("Fjordlaks", fjordlaks.Aliases);
        Assert.Equal(EntityType.Organization, Find(analysis, "Havbruk Nord").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "AerCap").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Nordic Wings").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Goldman Sachs").Type);
    }

    [Fact]
    public void EveryEntityHasAConfidenceAndReasons()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Prime Minister Eva Sundberg visited Norway and the Lofoten Fishermen's Association. Tarvo Keskül was there too.");
        Assert.NotEmpty(analysis.Entities);
        Assert.All(analysis.Entities, e =>
        {
            Assert.InRange(e.Confidence, 0, 1);
            Assert.NotEmpty(e.Evidence);
            Assert.Equal(e.Confidence >= ConfidenceThreshold.PublicPages, e.IsConfident);
        });
        Assert.True(Find(analysis, "Eva Sundberg").IsConfident);
        Assert.True(Find(analysis, "Norway").IsConfident);
        // Two capitalised words and nothing else say a name, not what it names: no entity is made of capitals alone.
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Tarvo Keskül");
    }

    [Fact]
    public void GivenNamesTellPeopleAndTheirPronouns()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Anders Berg met Maja Ek in Gothenburg. \"We agreed on nothing,\" she said.");
        Assert.Equal(EntityType.Person, Find(analysis, "Anders Berg").Type);
        Assert.Equal("Maja Ek", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void DirectionsAndDemonymsBesidePlaces()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Rains spread across East Africa, worrying South Asian traders.");
        Assert.Equal(EntityType.Place, Find(analysis, "East Africa").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.Contains("Asian", StringComparison.Ordinal));
    }
}