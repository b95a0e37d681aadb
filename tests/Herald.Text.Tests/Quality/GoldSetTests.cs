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
        Assert.True(Articles.Count >= 175, $"gold set has {Articles.Count} articles");
        Assert.True(Articles.Count(a => a.Set == GoldSet.Unseen) >= 10);
        // A held-out batch of at least 14 articles. Each batch moves to dev once it has been scored and its mistakes read
        // (h01-h16, n01-n14, n15-n30, n31-n46 so far); the batch that replaces it is written apart from the rules and merged on its own.
        Assert.True(Articles.Count(a => a.Set == GoldSet.HeldOut) >= 14);
        // Articles in styles the demo lacks (wire copy, sport, business, local, live-blogs, no quotes).
        Assert.True(Articles.Count(a => a.Scope is not null) >= 30);
    }

    [Fact]
    public void QualityOnAllArticlesDoesNotFall()
    {
        GoldScorer all = Report("All articles", Articles);
        // The 175 articles once n31-n46 joined dev and n47-n62 came in as the held-out batch (7 December 23:22, the rules as
        // before the generalisation round, whose merge was taken back; bench/text/RESULTS.md), each floor that run's figure
        // rounded down a little.
        AtLeast(all, GoldScorer.Speakers, precision: 0.943, recall: 0.9);
        AtLeast(all, GoldScorer.Attribution, precision: 0.935, recall: 0.894);
        AtLeast(all, GoldScorer.Entities, f1: 0.91);
        AtLeast(all, GoldScorer.People, f1: 0.962);
        AtLeast(all, GoldScorer.Organizations, f1: 0.861);
        AtLeast(all, GoldScorer.Places, f1: 0.91);
        AtLeast(all, GoldScorer.PublicEntities, precision: 0.949);
        AtLeast(all, GoldScorer.PublicSpeakers, precision: 0.943);
    }

    [Fact]
    public void QualityOnDevArticlesDoesNotFall()
    {
        // The articles rules are tuned on (n01-n46 among them since the night of 7 December): floors a little below
        // the figures of the run after n31-n46 joined them (23:22), so a rule that helps one article and hurts others is caught here.
        GoldScorer dev = Report("Dev articles", Articles.Where(a => a.Set == GoldSet.Dev));
        AtLeast(dev, GoldScorer.Speakers, precision: 0.962, recall: 0.922);
        AtLeast(dev, GoldScorer.Attribution, precision: 0.958, recall: 0.916);
        AtLeast(dev, GoldScorer.Entities, f1: 0.927);
        AtLeast(dev, GoldScorer.People, f1: 0.977);
        AtLeast(dev, GoldScorer.Organizations, f1: 0.886);
        AtLeast(dev, GoldScorer.Places, f1: 0.924);
        AtLeast(dev, GoldScorer.PublicEntities, precision: 0.966);
        AtLeast(dev, GoldScorer.PublicSpeakers, precision: 0.962);
    }

    [Fact]
    public void QualityOnHeldOutArticlesDoesNotFall()
    {
        // The third independent batch, n47-n62, scored at 7 December 23:22 with the rules of main before the generalisation
        // round (bench/text/RESULTS.md: entities F1 0.821, direct speakers P 0.842 R 0.769, attribution P 0.814 R 0.771):
        // floors just under that scoring, so the rules tuned elsewhere cannot quietly lose ground on text they never saw.
        // An empty held-out set would score P and R of 1 against no statements at all: it must hold articles to mean anything.
        List<GoldArticle> heldOutArticles = [.. Articles.Where(a => a.Set == GoldSet.HeldOut)];
        Assert.NotEmpty(heldOutArticles);
        GoldScorer heldOut = Report("Held-out articles", heldOutArticles);
        AtLeast(heldOut, GoldScorer.Speakers, precision: 0.84, recall: 0.765);
        AtLeast(heldOut, GoldScorer.Attribution, precision: 0.81, recall: 0.77);
        AtLeast(heldOut, GoldScorer.Entities, f1: 0.82);
        AtLeast(heldOut, GoldScorer.PublicEntities, precision: 0.865);
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