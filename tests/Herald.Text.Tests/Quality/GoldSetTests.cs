using Xunit.Abstractions;

namespace Herald.Text.Tests.Quality;

/// <summary>
/// Measures the analyzer against the hand-annotated gold set and keeps the scores from falling.
/// Each bound sits at or a little below the value measured when it was set (bench/text/RESULTS.md).
/// </summary>
public sealed class GoldSetTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<GoldArticle> Articles = GoldArticle.LoadAll(GoldArticle.FindGoldDirectory());

    [Fact]
    public void GoldSetIsLargeEnoughAndHoldsArticlesOut()
    {
        Assert.True(Articles.Count >= 143, $"gold set has {Articles.Count} articles");
        Assert.True(Articles.Count(a => a.Set == GoldSet.Unseen) >= 10);
        // A held-out batch of at least 14 articles. n01-n14 moved to dev once they had been scored and their mistakes read, as
        // h01-h16 did before them; the batch that replaces them (n15 onward) is written apart from the rules and merged on its own.
        Assert.True(Articles.Count(a => a.Set == GoldSet.HeldOut) >= 14);
        // Articles in styles the demo lacks (wire copy, sport, business, local, live-blogs, no quotes).
        Assert.True(Articles.Count(a => a.Scope is not null) >= 30);
    }

    [Fact]
    public void QualityOnAllArticlesDoesNotFall()
    {
        GoldScorer all = Report("All articles", Articles);
        // The 143 articles of 7 December 16:00 (bench/text/RESULTS.md: dev, the first unseen ten and the held-out batch
        // n15-n30 scored once), each floor that run's figure rounded down a little.
        AtLeast(all, GoldScorer.Speakers, precision: 0.975, recall: 0.945);
        AtLeast(all, GoldScorer.Attribution, precision: 0.965, recall: 0.93);
        AtLeast(all, GoldScorer.Entities, f1: 0.925);
        AtLeast(all, GoldScorer.People, f1: 0.975);
        AtLeast(all, GoldScorer.Organizations, f1: 0.89);
        AtLeast(all, GoldScorer.Places, f1: 0.92);
        AtLeast(all, GoldScorer.PublicEntities, precision: 0.965);
        AtLeast(all, GoldScorer.PublicSpeakers, precision: 0.975);
    }

    [Fact]
    public void QualityOnDevArticlesDoesNotFall()
    {
        // The articles rules are tuned on (n01-n14 among them since the afternoon of 7 December): floors a little below
        // that run's figures, so a rule that helps one article and hurts others is caught here.
        GoldScorer dev = Report("Dev articles", Articles.Where(a => a.Set == GoldSet.Dev));
        AtLeast(dev, GoldScorer.Speakers, precision: 0.99, recall: 0.96);
        AtLeast(dev, GoldScorer.Attribution, precision: 0.988, recall: 0.953);
        AtLeast(dev, GoldScorer.Entities, f1: 0.945);
        AtLeast(dev, GoldScorer.People, f1: 0.985);
        AtLeast(dev, GoldScorer.Organizations, f1: 0.92);
        AtLeast(dev, GoldScorer.Places, f1: 0.935);
        AtLeast(dev, GoldScorer.PublicEntities, precision: 0.97);
        AtLeast(dev, GoldScorer.PublicSpeakers, precision: 0.99);
    }

    [Fact]
    public void QualityOnHeldOutArticlesDoesNotFall()
    {
        // Floors set on the batch n15-n30, written by a writer who never read the rules and scored once, at 7 December 16:00
        // (bench/text/RESULTS.md): entities F1 0.881, direct speakers P 0.930 R 0.889, attribution P 0.914 R 0.863.
        // An empty held-out set would score P and R of 1 against no statements at all: it must hold articles to mean anything.
        List<GoldArticle> heldOutArticles = [.. Articles.Where(a => a.Set == GoldSet.HeldOut)];
        Assert.NotEmpty(heldOutArticles);
        GoldScorer heldOut = Report("Held-out articles", heldOutArticles);
        AtLeast(heldOut, GoldScorer.Speakers, precision: 0.92, recall: 0.88);
        AtLeast(heldOut, GoldScorer.Attribution, precision: 0.90, recall: 0.85);
        AtLeast(heldOut, GoldScorer.Entities, f1: 0.87);
        AtLeast(heldOut, GoldScorer.PublicEntities, precision: 0.94);
    }

    private GoldScorer Report(string title, IEnumerable<GoldArticle> articles)
    {
        GoldScorer scorer = GoldScorer.Evaluate(articles);
        output.WriteLine(title + ":");
        output.WriteLine(scorer.Table());
        return scorer;
    }

    private static void AtLeast(GoldScorer scorer, string measure, double precision = 0, double recall = 0, double f1 = 0)
    {
        Score score = scorer[measure];
        Assert.True(score.Precision >= precision && score.Recall >= recall && score.F1 >= f1, score.ToString());
    }
}