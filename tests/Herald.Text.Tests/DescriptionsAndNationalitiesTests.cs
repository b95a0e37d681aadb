namespace Herald.Text.Tests;

/// <summary>
/// The nearest compatible antecedent: a description that opens a clause ("the Swiss manager grinned", "the Italian
/// finance minister nodded") is what a later pronoun or role description refers to, before the last person named;
/// a country or demonym before a role gives a nationality ("the Portugal winger", "Norway's trade minister"), and
/// "the Frenchman" is that nationality, not a person's name.
/// </summary>
public sealed class DescriptionsAndNationalitiesTests
{
    [Fact]
    public void APronounAfterAMultiWordDescriptionIsTheDescribedPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Harlow Athletic manager Tomas Brandt has asked about the striker Joel Mendy, who plays for Corby Rovers.\n\n"
            + "Asked about Mendy, the Harlow manager grinned. \"We talk to many players,\" he said.");
        Assert.Equal("Tomas Brandt", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
    }

    [Fact]
    public void ARoleDescriptionPrefersTheDescriptionThatOpenedItsParagraph()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Italy's finance minister Chiara Benedetti opened the meeting in Milan on Monday.\n\n"
            + "The Austrian finance minister, Lukas Gruber, asked for more time before any vote.\n\n"
            + "Asked whether she would wait, the Italian minister shook her head. \"We have waited long enough,\" the finance minister said.");
        Assert.Equal("Chiara Benedetti", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
    }

    [Fact]
    public void ARoleDescriptionStillFindsTheLastHolderWithoutADescriptionBefore()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Italy's finance minister Chiara Benedetti opened the meeting in Milan on Monday.\n\n"
            + "The Austrian finance minister, Lukas Gruber, asked for more time before any vote.\n\n"
            + "\"We need a month,\" the finance minister said.");
        Assert.Equal("Lukas Gruber", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
    }

    [Theory]
    [InlineData("Corby Rovers have signed the France winger Hugo Lemaire from Lens for £4 million.", "the Frenchman")]
    [InlineData("Corby Rovers have signed the French winger Hugo Lemaire from Lens for £4 million.", "the Frenchman")]
    [InlineData("Corby Rovers have signed France's winger Hugo Lemaire from Lens for £4 million.", "the Frenchman")]
    public void ADemonymNounRefersToThePersonOfThatNationality(string first, string description)
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            first + " The manager, Owen Pryce, watched him twice.\n\n\"I wanted to play in England since I was a boy,\" " + description + " said.");
        Assert.Equal("Hugo Lemaire", Assert.Single(analysis.Quotes, q => q.Kind == QuoteKind.Direct).Speaker);
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Frenchman");
    }
}