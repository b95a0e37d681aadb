namespace Herald.Text.Tests;

public sealed class FigureTests
{
    [Theory]
    [InlineData("Sales rose 36 percent.", "36 percent", 36, "percent", null)]
    [InlineData("Sales rose 36%.", "36%", 36, "percent", null)]
    [InlineData("Sales rose 36 per cent.", "36 per cent", 36, "percent", null)]
    [InlineData("The deal is worth 6 billion dollars.", "6 billion dollars", 6, "USD", "billion")]
    [InlineData("The deal is worth $6bn.", "$6bn", 6, "USD", "billion")]
    [InlineData("It costs €1.2 million.", "€1.2 million", 1.2, "EUR", "million")]
    [InlineData("They invested 500 million yuan.", "500 million yuan", 500, "CNY", "million")]
    [InlineData("The army sent 1,200 troops.", "1,200 troops", 1200, "count", null)]
    public void ReadsFigures(string text, string expectedText, double value, string unit, string? scale)
    {
        Figure figure = Assert.Single(NewsAnalyzer.Analyze(text).Figures);
        Assert.Equal(expectedText, figure.Text);
        Assert.Equal(value, figure.Value);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(scale, figure.Scale);
    }

    [Theory]
    [InlineData("Profit rose 12 percent in 2023.", "in 2023")]
    [InlineData("Profit rose 12 percent last year.", "last year")]
    [InlineData("Profit rose 12 percent in the first quarter.", "in the first quarter")]
    [InlineData("Borrowing falls to £80bn in 2026-27.", "in 2026-27")]
    [InlineData("Exports rose to US$2.5 billion in the three months to June.", "in the three months to June")]
    public void FindsPeriod(string text, string period)
    {
        Assert.Equal(period, Assert.Single(NewsAnalyzer.Analyze(text).Figures).Period);
    }

    [Fact]
    public void YearsDatesScoresAndOrdinalsAreNotFigures()
    {
        Assert.Empty(NewsAnalyzer.Analyze("In 2023, on March 3, United won 3-1 and finished 2nd at 10:30.").Figures);
    }

    [Fact]
    public void PeriodStaysWithItsOwnClause()
    {
        Analysis analysis = NewsAnalyzer.Analyze(
            "Unemployment fell to 5.1 per cent in March 2024, while 2,400 new jobs were created in the second half of 2023. " +
            "The firm employs 120,000 people and plans 300 job cuts next year.");
        Assert.Equal(["in March 2024", "in the second half of 2023", null, "next year"], analysis.Figures.Select(f => f.Period));
        Assert.Equal("300 job cuts", analysis.Figures[3].Text);
    }
}