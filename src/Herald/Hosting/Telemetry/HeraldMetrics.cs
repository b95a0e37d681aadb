using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Herald.Articles.Writing;
using Herald.Comments;

namespace Herald.Hosting.Telemetry;

/// <summary>
/// Herald's own meter, defined in one place: features call one method where the thing happens,
/// and /metrics (when on) exports the counts. Instruments cost next to nothing while no one
/// listens, so the calls stay in place whether metrics are on or off.
/// </summary>
public static class HeraldMetrics
{
    public const string MeterName = "Herald";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Pages = Meter.CreateCounter<long>(
        "herald.pages", "{page}", "Cacheable public pages answered, by source: the output cache or a fresh render.");

    private static readonly Counter<long> CommentPosts = Meter.CreateCounter<long>(
        "herald.comments", "{comment}", "Comment posts, by outcome: accepted (shown at once), held (for moderation), spam (kept out of sight) or refused (sent back).");

    private static readonly Counter<long> Publishes = Meter.CreateCounter<long>(
        "herald.publishes", "{article}", "Articles that went public, by trigger: newsroom or schedule.");

    private static readonly Counter<long> SchedulerRuns = Meter.CreateCounter<long>(
        "herald.scheduler.runs", "{run}", "Passes of the scheduled publisher over the articles that are due.");

    private static readonly ConcurrentDictionary<string, (long Done, long Total)> Import = new();

    static HeraldMetrics()
    {
        Meter.CreateObservableGauge("herald.import.done", () => Import.Select(p => new Measurement<long>(p.Value.Done, new KeyValuePair<string, object?>("phase", p.Key))),
            "{item}", "Items a WordPress import has done so far, by phase.");
        Meter.CreateObservableGauge("herald.import.total", () => Import.Select(p => new Measurement<long>(p.Value.Total, new KeyValuePair<string, object?>("phase", p.Key))),
            "{item}", "Items a WordPress import has to do, by phase (0 while still counting).");
    }

    public static void PageServed(bool fromCache) => Pages.Add(1, new KeyValuePair<string, object?>("source", fromCache ? "cache" : "rendered"));

    /// <summary>A comment post's outcome: the stored status, or null when it was refused.</summary>
    public static void CommentPosted(ModerationStatus? status) => CommentPosts.Add(1, new KeyValuePair<string, object?>("outcome", status switch
    {
        ModerationStatus.Approved => "accepted",
        ModerationStatus.Pending => "held",
        ModerationStatus.Spam or ModerationStatus.Trash => "spam",
        _ => "refused",
    }));

    /// <summary>Counts a change that made an article public; other changes pass through, so callers need no test of their own.</summary>
    public static void Published(ArticleChangeKind change, string trigger)
    {
        if (change == ArticleChangeKind.Published)
        {
            Publishes.Add(1, new KeyValuePair<string, object?>("trigger", trigger));
        }
    }

    public static void SchedulerRan() => SchedulerRuns.Add(1);

    public static void ImportProgressed(string phase, long done, long total) => Import[phase] = (done, total);
}