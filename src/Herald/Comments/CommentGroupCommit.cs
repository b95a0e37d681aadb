namespace Herald.Comments;

/// <summary>
/// Stores readers' new comments in group commits. While one transaction commits, the comments
/// that arrive wait for the next, which stores all of them at once: one transaction, one flush of
/// the log to disk, instead of one per comment. A request is answered only once the transaction
/// holding its comment has committed, so no comment is acknowledged before it is durable. One
/// writer per process also keeps posts from queuing on SQLite's single write lock, where a post
/// that finds the lock taken retries 150 ms later.
/// </summary>
public sealed class CommentGroupCommit(IServiceScopeFactory scopes, ILogger<CommentGroupCommit> log)
{
    /// <summary>Enough to absorb a burst; a larger batch would only make its first comment wait longer.</summary>
    public const int MaxBatch = 64;

    private readonly Lock gate = new();
    private readonly List<Waiting> waiting = [];
    private bool committing;

    /// <summary>
    /// Stores the comment (its <see cref="Comment.Id"/> is set when this completes) and returns
    /// true; false when a comment of the same batch said the same thing first (see <see cref="SameText"/>).
    /// </summary>
    public Task<bool> StoreAsync(Comment comment, CancellationToken ct)
    {
        var entry = new Waiting(comment, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (gate)
        {
            waiting.Add(entry);
            start = !committing;
            committing = true;
        }
        if (start)
        {
            // The committing loop runs apart from any request, so no reader's answer waits for other readers' batches.
            _ = Task.Run(CommitWaitingAsync, CancellationToken.None);
        }
        return entry.Stored.Task.WaitAsync(ct);
    }

    private async Task CommitWaitingAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    committing = false;
                    return;
                }
                batch = waiting.GetRange(0, Math.Min(MaxBatch, waiting.Count));
                waiting.RemoveRange(0, batch.Count);
            }
            var (stored, repeated) = SplitRepeats(batch);
            foreach (var entry in repeated)
            {
                entry.Stored.TrySetResult(false);
            }
            if (stored.Count == 0)
            {
                continue;
            }
            try
            {
                await CommitAsync(stored);
                stored.ForEach(entry => entry.Stored.TrySetResult(true));
            }
            catch (Exception e) when (stored.Count > 1)
            {
                // One bad comment (its story deleted meanwhile, say) must not fail the others: each goes again alone.
                log.LogWarning(e, "A group commit of {Count} comments failed; storing them one by one.", stored.Count);
                foreach (var entry in stored)
                {
                    await CommitAloneAsync(entry);
                }
            }
            catch (Exception e)
            {
                stored[0].Stored.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync(Waiting entry)
    {
        try
        {
            entry.Comment.Id = 0;
            await CommitAsync([entry]);
            entry.Stored.TrySetResult(true);
        }
        catch (Exception e)
        {
            entry.Stored.TrySetException(e);
        }
    }

    private async Task CommitAsync(IReadOnlyList<Waiting> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Storage.HeraldDbContext>();
        var publishing = scope.ServiceProvider.GetRequiredService<CommentPublishing>();
        db.Comments.AddRange(batch.Select(entry => entry.Comment));
        var approvedOn = batch.Where(entry => entry.Comment.Status == ModerationStatus.Approved).Select(entry => entry.Comment.ArticleId).ToList();
        // Not the requests' token: a reader who leaves must not undo the batch of the others.
        await publishing.SaveAsync(approvedOn, CancellationToken.None);
    }

    /// <summary>
    /// The duplicate check runs before a comment joins a batch, so two posts of the same text
    /// arriving together would both pass it; the later one in a batch is refused here instead.
    /// </summary>
    private static (List<Waiting> Stored, List<Waiting> Repeated) SplitRepeats(List<Waiting> batch)
    {
        var stored = new List<Waiting>(batch.Count);
        var repeated = new List<Waiting>();
        foreach (var entry in batch)
        {
            (stored.Any(earlier => SameText(earlier.Comment, entry.Comment)) ? repeated : stored).Add(entry);
        }
        return (stored, repeated);
    }

    /// <summary>What the duplicate check compares: the same words on the same story from the same address or e-mail.</summary>
    public static bool SameText(Comment a, Comment b) =>
        a.ArticleId == b.ArticleId && a.Body == b.Body && (a.EmailHash == b.EmailHash || a.ClientHash == b.ClientHash);

    private sealed record Waiting(Comment Comment, TaskCompletionSource<bool> Stored);
}