using Xunit.Abstractions;

namespace Herald.Text.Tests.Quality;

/// <summary>Measures the analyzer against the hand-annotated gold set and holds it to its targets.</summary>
public sealed class GoldSetTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<GoldArticle> Articles = GoldArticle.LoadAll(GoldArticle.FindGoldDirectory());

    [Fact]
    public void GoldSetIsLargeEnoughAndHoldsOutUnseenArticles()
    {
        Assert.True(Articles.Count >= 40, $"gold set has {Articles.Count} articles");
        Assert.True(Articles.Count(a => a.Unseen) >= 10);
    }

    [Fact]
    public void QualityMeetsTargets()
    {
        GoldScorer all = GoldScorer.Evaluate(Articles);
        GoldScorer unseen = GoldScorer.Evaluate(Articles.Where(a => a.Unseen));
        output.WriteLine($"All {Articles.Count} articles:");
        output.WriteLine(all.Table());
        output.WriteLine($"Unseen {Articles.Count(a => a.Unseen)} articles only:");
        output.WriteLine(unseen.Table());
        output.WriteLine("Mistakes on the dev articles (unseen ones are held out from tuning):");
        output.WriteLine(GoldScorer.Evaluate(Articles.Where(a => !a.Unseen)).Mistakes.ToString());

        Assert.True(all[GoldScorer.Speakers].Precision >= 0.95, all[GoldScorer.Speakers].ToString());
        Assert.True(all[GoldScorer.Speakers].Recall >= 0.90, all[GoldScorer.Speakers].ToString());
        Assert.True(all[GoldScorer.Entities].F1 >= 0.90, all[GoldScorer.Entities].ToString());
    }
}