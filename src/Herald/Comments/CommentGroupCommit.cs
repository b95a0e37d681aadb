using Microsoft.EntityFrameworkCore;

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
    /// true; false when the same words were taken first, stored meanwhile or earlier in its batch
    /// (<see cref="CommentRepeats"/>), and it was not stored.
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
        try
        {
            await CommitBatchesAsync();
        }
        catch (Exception e)
        {
            // Nothing above is expected to throw outside its own handlers; if it ever does, no reader may
            // wait forever and the next comment must find the writer free to start again.
            log.LogError(e, "The comment writer stopped unexpectedly; the comments waiting are failed.");
            lock (gate)
            {
                waiting.ForEach(entry => entry.Stored.TrySetException(e));
                waiting.Clear();
                committing = false;
            }
        }
    }

    private async Task CommitBatchesAsync()
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
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // One bad comment (its story deleted meanwhile, say) must not fail the others: each goes again alone.
                log.LogWarning(e, "A group commit of {Count} comments failed; storing them one by one.", batch.Count);
                foreach (var entry in batch)
                {
                    await CommitAloneAsync(entry);
                }
            }
            catch (Exception e)
            {
                batch[0].Stored.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync(Waiting entry)
    {
        try
        {
            entry.Comment.Id = 0;
            await CommitAsync([entry]);
        }
        catch (Exception e)
        {
            entry.Stored.TrySetException(e);
        }
    }

    /// <summary>
    /// Stores the batch's comments in one transaction and answers each of them: true once committed,
    /// false for a repeat. The check a request made before queuing its comment cannot see a comment
    /// still waiting or committing, so two posts of the same words sent together both pass it; this
    /// writer, the only one in the process, looks again at what is stored now and at the batch itself.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<Waiting> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Storage.HeraldDbContext>();
        var publishing = scope.ServiceProvider.GetRequiredService<CommentPublishing>();
        var articleIds = batch.Select(entry => entry.Comment.ArticleId).Distinct().ToList();
        var bodyHashes = batch.Select(entry => entry.Comment.BodyHash).Distinct().ToList();
        var earlier = await db.Comments.AsNoTracking()
            .Where(c => articleIds.Contains(c.ArticleId) && bodyHashes.Contains(c.BodyHash))
            .ToListAsync(CancellationToken.None);
        var stored = new List<Waiting>(batch.Count);
        var repeated = new List<Waiting>();
        foreach (var entry in batch)
        {
            var repeats = earlier.Any(c => CommentRepeats.Repeats(c, entry.Comment)) || stored.Any(e => CommentRepeats.Repeats(e.Comment, entry.Comment));
            (repeats ? repeated : stored).Add(entry);
        }
        if (stored.Count > 0)
        {
            db.Comments.AddRange(stored.Select(entry => entry.Comment));
            var approvedOn = stored.Where(entry => entry.Comment.Status == ModerationStatus.Approved).Select(entry => entry.Comment.ArticleId).ToList();
            // Not the requests' token: a reader who leaves must not undo the batch of the others.
            await publishing.SaveAsync(approvedOn, CancellationToken.None);
        }
        stored.ForEach(entry => entry.Stored.TrySetResult(true));
        repeated.ForEach(entry => entry.Stored.TrySetResult(false));
    }

    private sealed record Waiting(Comment Comment, TaskCompletionSource<bool> Stored);
}