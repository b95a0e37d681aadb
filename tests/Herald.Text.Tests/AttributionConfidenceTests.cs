namespace Herald.Text.Tests;

/// <summary>Pronouns and descriptions reach the right speaker, or none; every attribution says how sure it is.</summary>
public sealed class AttributionConfidenceTests
{
    private static Quote QuoteOf(Analysis analysis, string text) => Assert.Single(analysis.Quotes, q => q.Text.StartsWith(text, StringComparison.Ordinal));

    [Fact]
    public void PronounPrefersTheSubjectOverTheObject()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Arthur Lemaire beat Spain's Jorge Castillo in three sets. \"My body feels good,\" he said.");
        Assert.Equal("Arthur Lemaire", QuoteOf(analysis, "My body").Speaker);
    }

    [Fact]
    public void AgesNationalitiesAndKindsOfOrganisationReferBack()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Graham Pell, 54, admitted fraud. \"I am ashamed,\" the 54-year-old said.\n\n"
            + "Lukas Brandt lost in Rotterdam. \"He played better,\" the German said.\n\n"
            + "Marlow & Finch Plc raised its dividend. The Leeds-based grocer said sales rose 6%.");
        Assert.Equal("Graham Pell", QuoteOf(analysis, "I am ashamed").Speaker);
        Assert.Equal("Lukas Brandt", QuoteOf(analysis, "He played better").Speaker);
        Quote grocer = Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("Marlow & Finch Plc", grocer.Speaker);
    }

    [Fact]
    public void AnUnnamedSpokesmanIsNotTheMinisterHeSpeaksFor()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Prime Minister Luís Monteiro will settle the dispute. A spokesman for the prime minister said no decision had been taken.");
        Assert.DoesNotContain(analysis.Quotes, q => q.Speaker == "Luís Monteiro");
    }

    [Fact]
    public void TwoPeopleWhoFitEquallyLeaveNoSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Kim Sato and Alex Rivera met on Monday. \"It went well,\" they said. \"We agreed,\" one said.");
        Assert.All(analysis.Quotes, q => Assert.Null(q.Speaker));
    }

    [Fact]
    public void AttributionsCarryConfidenceAndEvidence()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Health Minister Sofia Lindgren visited the hospital. \"We need nurses,\" Lindgren said. \"Many of them,\" she added.");
        Quote named = QuoteOf(analysis, "We need nurses");
        Assert.True(named.IsConfident);
        Assert.Contains(named.Evidence, r => r.Contains("Sofia Lindgren", StringComparison.Ordinal));
        Quote pronoun = QuoteOf(analysis, "Many of them");
        Assert.Equal("Sofia Lindgren", pronoun.Speaker);
        Assert.InRange(pronoun.Confidence, 0.5, named.Confidence);
        Assert.Contains(pronoun.Evidence, r => r.Contains("'she'", StringComparison.Ordinal));
    }

    [Fact]
    public void AQuoteIsOnlyAsSureAsItsSpeakersName()
    {
        // Reached through "he", the name gains nothing from the quotation and stays unsure; so does the quotation.
        Analysis analysis = NewsAnalyzer.Analyze("Tarvo Keskül met reporters after the ruling. \"We will appeal,\" he said.");
        Quote quote = Assert.Single(analysis.Quotes);
        Entity speaker = Assert.Single(analysis.Entities, e => e.Name == quote.Speaker);
        Assert.False(speaker.IsConfident);
        Assert.False(quote.IsConfident);
        Assert.True(quote.Confidence <= speaker.Confidence + 0.05 + 1e-9);
    }
}