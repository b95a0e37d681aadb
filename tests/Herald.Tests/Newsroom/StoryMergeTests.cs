using Herald.Newsroom.Editor;

namespace Herald.Tests.Newsroom;

/// <summary>Joining two editors' changes: different parts join, the same part changed twice never does.</summary>
public sealed class StoryMergeTests
{
    private static readonly StoryText Opened = new("Harbour reopens", "After the storm", "One.\n\nTwo.\n\nThree.");

    [Fact]
    public void Changes_to_different_fields_and_lines_are_joined()
    {
        var merged = StoryMerge.Of(Opened,
            Opened with { Dek = "After the winter storm", Body = "One, amended.\n\nTwo.\n\nThree." },
            Opened with { Headline = "Harbour reopens to ferries", Body = "One.\n\nTwo.\n\nThree, amended.\n\nFour." });
        Assert.Equal(new StoryMerge("Harbour reopens to ferries", "After the winter storm", "One, amended.\n\nTwo.\n\nThree, amended.\n\nFour."), merged);
    }

    [Fact]
    public void The_same_change_made_twice_is_no_clash()
    {
        var same = Opened with { Headline = "Harbour reopens at last" };
        Assert.Equal("Harbour reopens at last", StoryMerge.Of(Opened, same, same)?.Headline);
    }

    [Theory]
    [InlineData("headline")]
    [InlineData("dek")]
    [InlineData("line")]
    public void The_same_part_changed_differently_is_not_joined(string part)
    {
        var (theirs, yours) = part switch
        {
            "headline" => (Opened with { Headline = "Harbour reopens early" }, Opened with { Headline = "Harbour reopens late" }),
            "dek" => (Opened with { Dek = null }, Opened with { Dek = "After the long storm" }),
            _ => (Opened with { Body = "One.\n\nTwo, theirs.\n\nThree." }, Opened with { Body = "One.\n\nTwo, yours.\n\nThree." }),
        };
        Assert.Null(StoryMerge.Of(Opened, theirs, yours));
    }
}