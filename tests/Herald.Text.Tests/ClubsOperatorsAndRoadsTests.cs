namespace Herald.Text.Tests;

/// <summary>
/// Clubs named by a town and a plural nickname in sport copy ("Hereford Wolves", "the Wolves"), operators, church and
/// state bodies and foreign organisation words ("Fenmoor Buses", "Diocese of ...", "House of Lords", "Museo ..."), a
/// legal form that closes a company's name ("... BV of Rotterdam", "... plc"), "Sen." as a title, roads named by
/// number, a town with a place word after it ("Newcastle Airport"), where someone named with an age comes from, the start
/// of a route to a known place, a member's seat ("the MP for Ludlow"), an everyday word opening a sentence, which is no
/// title, a direction before a place ("West Yorkshire") and the German "und" inside a name.
/// </summary>
public sealed class ClubsOperatorsAndRoadsTests
{
    private static Entity Find(Analysis analysis, string name) => Assert.Single(analysis.Entities, e => e.Name == name);

    private const string SportOpening = "The winger scored two goals and a penalty in the league fixture. ";

    [Fact]
    public void ATownAndAPluralNicknameInSportCopyIsAClub()
    {
        Analysis analysis = NewsAnalyzer.Analyze(SportOpening +
            "Hereford Wolves beat Carlisle Otters by six runs. The Wolves needed two overs, and the Otters tired. Northern Stags lost again.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Hereford Wolves").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Carlisle Otters").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Northern Stags").Type);
        // The nickname alone is the club named in full, not a second organisation.
        Assert.DoesNotContain(analysis.Entities, e => e.Name is "Wolves" or "Otters");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void ALandscapePluralIsNoNickname()
    {
        Analysis analysis = NewsAnalyzer.Analyze(SportOpening + "The riders then crossed the Yorkshire Dales in the rain.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void OutsideSportCopyAPluralIsNoClub()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The council said Hereford Wolves could not be named in the report.");
        Assert.DoesNotContain(analysis.Entities, e => e.Name == "Hereford Wolves" && e.Type == EntityType.Organization && e.IsConfident);
    }

    [Theory]
    [InlineData("Fenmoor Buses said the route would close in March.", "Fenmoor Buses")]
    [InlineData("Passengers were told Harbour Ferries had cancelled two sailings.", "Harbour Ferries")]
    [InlineData("The Eastfield News Desk called the race at midnight.", "Eastfield News Desk")]
    [InlineData("The Diocese of Lincoln said it would appeal.", "Diocese of Lincoln")]
    [InlineData("Peers in the House of Lords voted against the bill.", "House of Lords")]
    [InlineData("The Museo Carvalho said it would reopen in May.", "Museo Carvalho")]
    [InlineData("She taught for years at the Universidad de Ostrava before retiring.", "Universidad de Ostrava")]
    public void OperatorsChurchStateAndForeignBodies(string text, string name)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(EntityType.Organization, Find(analysis, name).Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type != EntityType.Organization);
    }

    [Fact]
    public void ALegalFormClosesTheCompanysName()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "The round was led by Halden Capital BV of Rotterdam, with Marsh & Pike plc, which is listed in London.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Halden Capital BV").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Rotterdam").Type);
        Assert.Equal(EntityType.Organization, Find(analysis, "Marsh & Pike plc").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.EndsWith("of Rotterdam", StringComparison.Ordinal) || e.Name == "Marsh & Pike");
    }

    [Fact]
    public void SenIsATitle()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Sen. Mary Colton said the count would take days.");
        Assert.Equal(EntityType.Person, Find(analysis, "Mary Colton").Type);
        Assert.Equal("Mary Colton", Assert.Single(analysis.Quotes).Speaker);
    }

    [Fact]
    public void ARoadNamedByNumberIsNoName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Traffic stopped on the M6 and the A1 near Penrith, and the B6413 was closed.");
        Assert.Equal("Penrith", Assert.Single(analysis.Entities).Name);
    }

    [Theory]
    [InlineData("Flights from Newcastle Airport were cancelled overnight.", "Newcastle Airport", EntityType.Place)]
    [InlineData("Ships queued for hours at the Kiel Canal.", "Kiel Canal", EntityType.Place)]
    [InlineData("Durham Tees Valley Airport said it would reopen at noon.", "Durham Tees Valley Airport", EntityType.Organization)]
    public void ATownWithAPlaceWordAfterItIsOneName(string text, string name, EntityType type)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.Equal(type, Find(analysis, name).Type);
        Assert.Single(analysis.Entities);
    }

    [Fact]
    public void WhereSomeoneNamedWithAnAgeComesFrom()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Van driver Leon Marsh, 52, from Goole, waited six hours for a tow.");
        Assert.Equal(EntityType.Place, Find(analysis, "Goole").Type);
        Assert.True(Find(analysis, "Goole").IsConfident);
    }

    [Fact]
    public void TheStartOfARouteToAKnownPlaceIsAPlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Her records were sold from Bergen to Chicago for forty years.");
        Assert.Equal(EntityType.Place, Find(analysis, "Bergen").Type);
        Assert.Equal(EntityType.Place, Find(analysis, "Chicago").Type);
    }

    [Fact]
    public void AMembersSeatIsAPlaceAndTheMemberAPerson()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Jones, who has been MP for Ludlow since 2015, said the plan was late. The MP for Ludlow, Sarah Jones, said so twice.");
        Assert.Equal(EntityType.Place, Find(analysis, "Ludlow").Type);
        Entity member = Find(analysis, "Sarah Jones");
        Assert.Equal(EntityType.Person, member.Type);
        Assert.True(member.IsConfident);
        Assert.DoesNotContain(analysis.Entities, e => e.Name.StartsWith("for ", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEverydayWordOpeningASentenceIsNoTitle()
    {
        Analysis analysis = NewsAnalyzer.Analyze("Met Éireann issued a warning for Cork on Sunday.");
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void ADirectionBeforeAKnownPlaceIsPartOfThePlace()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The warning covers West Yorkshire and Cumbria until noon.");
        Assert.Equal(EntityType.Place, Find(analysis, "West Yorkshire").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void UndJoinsAGermanName()
    {
        Analysis analysis = NewsAnalyzer.Analyze("The trade union Werft und Hafen called a strike for Monday.");
        Assert.Equal(EntityType.Organization, Find(analysis, "Werft und Hafen").Type);
        Assert.DoesNotContain(analysis.Entities, e => e.Type == EntityType.Person);
    }
}