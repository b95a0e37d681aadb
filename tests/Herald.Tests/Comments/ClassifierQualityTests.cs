using System.Globalization;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Herald.Tests.Comments;

/// <summary>
/// How well the spam classifier does on the labelled corpus (Corpus/README.md): five-fold
/// cross-validation, learning through the same database-backed path moderators' decisions take.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class ClassifierQualityTests(ITestOutputHelper output)
{
    private const int Folds = 5;

    [Fact]
    public async Task Learns_from_moderation_and_separates_spam_from_reader_comments()
    {
        var corpus = LoadCorpus();
        var options = new CommentOptions();
        var (spamCaught, spamHeld, spamMissed, hamFlagged, hamHeld, hamPassed) = (0, 0, 0, 0, 0, 0);
        for (var fold = 0; fold < Folds; fold++)
        {
            using var folder = new TempFolder("herald-classifier");
            await using var db = new SqliteHeraldDbContext(new DbContextOptionsBuilder<SqliteHeraldDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder.Path, "c.db")};Pooling=false").Options);
            await db.Database.MigrateAsync();
            var classifier = new SpamClassifier(db);
            foreach (var example in corpus.Where((_, i) => i % Folds != fold).Select(e => e with { Comment = Copy(e.Comment) }))
            {
                await classifier.LearnAsync(example.Comment, example.IsSpam ? TrainedAs.Spam : TrainedAs.Ham, CancellationToken.None);
                await db.SaveChangesAsync();
            }
            foreach (var example in corpus.Where((_, i) => i % Folds == fold))
            {
                var c = example.Comment;
                var verdict = await classifier.ClassifyAsync(SpamTokenizer.Features(c.Body, c.AuthorName, c.AuthorUrl), CancellationToken.None);
                var spam = verdict.Probability >= options.SpamThreshold;
                var held = !spam && verdict.Probability >= options.HoldThreshold;
                if (example.IsSpam)
                {
                    (spamCaught, spamHeld, spamMissed) = spam ? (spamCaught + 1, spamHeld, spamMissed) : held ? (spamCaught, spamHeld + 1, spamMissed) : (spamCaught, spamHeld, spamMissed + 1);
                }
                else
                {
                    (hamFlagged, hamHeld, hamPassed) = spam ? (hamFlagged + 1, hamHeld, hamPassed) : held ? (hamFlagged, hamHeld + 1, hamPassed) : (hamFlagged, hamHeld, hamPassed + 1);
                }
            }
        }

        // "Spam" verdicts: what goes straight to the spam folder. "Not published": spam or held.
        var spamPrecision = Ratio(spamCaught, spamCaught + hamFlagged);
        var spamRecall = Ratio(spamCaught, spamCaught + spamHeld + spamMissed);
        var stopPrecision = Ratio(spamCaught + spamHeld, spamCaught + spamHeld + hamFlagged + hamHeld);
        var stopRecall = Ratio(spamCaught + spamHeld, spamCaught + spamHeld + spamMissed);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {corpus.Count(e => e.IsSpam)} spam, {corpus.Count(e => !e.IsSpam)} ham, {Folds}-fold cross-validation\n" +
            $"To spam (p >= {options.SpamThreshold}): precision {spamPrecision:0.000}, recall {spamRecall:0.000}\n" +
            $"Spam or held (p >= {options.HoldThreshold}): precision {stopPrecision:0.000}, recall {stopRecall:0.000}\n" +
            $"Spam: {spamCaught} to spam, {spamHeld} held, {spamMissed} missed. Ham: {hamFlagged} to spam, {hamHeld} held, {hamPassed} passed.\n");
        output.WriteLine(report);
        Directory.CreateDirectory(RepositoryPaths.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "classifier-quality.txt"), report);

        Assert.True(spamPrecision >= 0.95, report);
        Assert.True(stopRecall >= 0.85, report);
        Assert.True(stopPrecision >= 0.9, report);
    }

    /// <summary>Each fold teaches a fresh copy: a comment remembers what it taught, and would not teach twice.</summary>
    private static Comment Copy(Comment c) => new() { AuthorName = c.AuthorName, AuthorEmail = c.AuthorEmail, AuthorUrl = c.AuthorUrl, Body = c.Body };

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private sealed record Example(bool IsSpam, Comment Comment);

    private static List<Example> LoadCorpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Comments", "Corpus", "comments.tsv");
        return File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            var parts = line.Split('\t');
            var comment = new Comment
            {
                AuthorName = parts[1],
                AuthorEmail = "corpus@example.org",
                AuthorUrl = parts[2].Length > 0 ? parts[2] : null,
                Body = parts[3].Replace("\\n", "\n", StringComparison.Ordinal),
            };
            return new Example(parts[0] == "spam", comment);
        }).ToList();
    }
}