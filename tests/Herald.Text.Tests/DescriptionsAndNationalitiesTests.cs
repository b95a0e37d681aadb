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

    [Fact]
    public void ANameInAppositionAfterATitledDescriptionIsTheSpeaker()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "\"The numbers surprised all of us,\" said the project leader, Prof Henrik Aalto, a geologist at the University of Oulu.");
        Assert.Equal("Henrik Aalto", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void AnObituarysSubjectIsThePersonAndTheHillInAppositionAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Emrys Pughe-Morgan, the climber and surveyor who charted the Andes, has died. He was 91.\n\n"
            + "He walked for the last time on Moel Siabod, the hill above his village, a week before his death.\n\n"
            + "\"I never wanted to be first,\" he wrote in his memoir.");
        Assert.Equal(EntityType.Person, Assert.Single(analysis.Entities, e => e.Name == "Emrys Pughe-Morgan").Type);
        Assert.Equal(EntityType.Place, Assert.Single(analysis.Entities, e => e.Name == "Moel Siabod").Type);
        Assert.Equal("Emrys Pughe-Morgan", Assert.Single(analysis.Quotes).Speaker);
    }
}