using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments;

/// <summary>
/// A naive Bayes spam filter that learns only from this site's moderators: marking a comment
/// spam or approving it counts its features once; changing one's mind moves the counts. The
/// counts live in the database (<see cref="SpamToken"/>), so every node shares what was learned.
/// </summary>
public sealed class SpamClassifier(HeraldDbContext db)
{
    public const int MaxTokenLength = 60;

    /// <summary>The number of spam and ham documents learned, kept beside the words under a name the tokenizer never produces.</summary>
    private const string Documents = "#documents";

    /// <summary>How much the single most telling features may say: keeps one odd word from deciding alone.</summary>
    private const int InterestingFeatures = 25;

    public async Task<SpamVerdict> ClassifyAsync(IReadOnlyCollection<string> features, CancellationToken ct)
    {
        var wanted = features.Append(Documents).ToList();
        var rows = await db.SpamTokens.AsNoTracking().Where(t => wanted.Contains(t.Token)).ToDictionaryAsync(t => t.Token, ct);
        var documents = rows.GetValueOrDefault(Documents);
        return Score(features, rows, documents?.SpamCount ?? 0, documents?.HamCount ?? 0);
    }

    /// <summary>Bernoulli naive Bayes over the features seen before, with equal priors and Laplace smoothing.</summary>
    internal static SpamVerdict Score(IEnumerable<string> features, IReadOnlyDictionary<string, SpamToken> counts, int spamDocs, int hamDocs)
    {
        var evidence = new List<double>();
        foreach (var feature in features)
        {
            if (!counts.TryGetValue(feature, out var row) || row.SpamCount + row.HamCount == 0)
            {
                continue;
            }
            var inSpam = (row.SpamCount + 1.0) / (spamDocs + 2.0);
            var inHam = (row.HamCount + 1.0) / (hamDocs + 2.0);
            evidence.Add(Math.Log(inSpam / inHam));
        }
        var logOdds = evidence.OrderByDescending(Math.Abs).Take(InterestingFeatures).Sum();
        var probability = 1.0 / (1.0 + Math.Exp(-logOdds));
        return new SpamVerdict(probability, Math.Min(spamDocs, hamDocs));
    }

    /// <summary>Moves a comment's features from what it was last taught as to <paramref name="now"/>.</summary>
    public async Task LearnAsync(Comment comment, TrainedAs now, CancellationToken ct)
    {
        if (comment.TrainedAs == now)
        {
            return;
        }
        var features = SpamTokenizer.Features(comment.Body, comment.AuthorName, comment.AuthorUrl);
        var wanted = features.Append(Documents).ToList();
        var rows = await db.SpamTokens.Where(t => wanted.Contains(t.Token)).ToDictionaryAsync(t => t.Token, ct);
        // Rows added by an earlier comment of the same batch are not in the database yet.
        foreach (var added in db.SpamTokens.Local.Where(t => !rows.ContainsKey(t.Token) && wanted.Contains(t.Token)))
        {
            rows[added.Token] = added;
        }
        SpamToken Row(string token)
        {
            if (!rows.TryGetValue(token, out var row))
            {
                row = new SpamToken { Token = token };
                rows[token] = row;
                db.SpamTokens.Add(row);
            }
            return row;
        }
        var was = comment.TrainedAs;
        foreach (var feature in features)
        {
            Shift(Row(feature), was, now);
        }
        Shift(Row(Documents), was, now);
        comment.TrainedAs = now;
    }

    private static void Shift(SpamToken row, TrainedAs was, TrainedAs now)
    {
        switch (was)
        {
            case TrainedAs.Spam: row.SpamCount = Math.Max(0, row.SpamCount - 1); break;
            case TrainedAs.Ham: row.HamCount = Math.Max(0, row.HamCount - 1); break;
        }
        switch (now)
        {
            case TrainedAs.Spam: row.SpamCount++; break;
            case TrainedAs.Ham: row.HamCount++; break;
        }
    }
}

/// <summary>The classifier's estimate that a comment is spam, and how many examples of the rarer kind it has learned from.</summary>
public sealed record SpamVerdict(double Probability, int ExamplesOfRarerKind);