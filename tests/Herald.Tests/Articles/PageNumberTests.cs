using Herald.Articles;

namespace Herald.Tests.Articles;

/// <summary>The ?page= of every list: a whole number from 1 to 10,000, or a bad request.</summary>
public sealed class PageNumberTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("007", 7)]
    [InlineData("10000", 10_000)]
    public void Whole_numbers_in_range_are_pages(string? raw, int page)
    {
        Assert.True(PageNumber.TryParse(raw, out var parsed));
        Assert.Equal(page, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData(" 2")]
    [InlineData("2.0")]
    [InlineData("1e3")]
    [InlineData("10001")]
    [InlineData("99999999999999999999")]
    [InlineData("٣")]
    [InlineData("two")]
    public void Anything_else_is_refused(string raw) => Assert.False(PageNumber.TryParse(raw, out _));
}