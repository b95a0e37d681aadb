using Herald.Articles;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Comments;

/// <summary>What a moderator can do to comments, one or many at once.</summary>
public enum ModerationAction
{
    Approve,
    Spam,
    Trash,
    Restore,
}

/// <summary>
/// The newsroom's side of comments: status changes (which teach the classifier), edits and
/// staff replies. Every change that touches what the public sees evicts the pages showing it.
/// </summary>
public sealed class CommentModerator(
    HeraldDbContext db, SpamClassifier classifier, CommentPublishing publishing, CommentKeys keys,
    IOptions<CommentOptions> settings, TimeProvider clock)
{
    public const int MaxBatch = 200;

    /// <summary>Applies the action and returns what each comment was before, so the moderator can undo it.</summary>
    public async Task<IReadOnlyList<ModerationBefore>> ApplyAsync(IReadOnlyCollection<int> ids, ModerationAction action, string moderator, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(MaxBatch).ToList();
        var comments = await db.Comments.Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        var touchedArticles = new HashSet<int>();
        var before = new List<ModerationBefore>(comments.Count);
        foreach (var comment in comments)
        {
            before.Add(new ModerationBefore(comment.Id, comment.Status, comment.TrainedAs));
            var wasApproved = comment.Status == ModerationStatus.Approved;
            var (status, verb) = action switch
            {
                ModerationAction.Approve => (ModerationStatus.Approved, "approved"),
                ModerationAction.Spam => (ModerationStatus.Spam, "marked spam"),
                ModerationAction.Trash => (ModerationStatus.Trash, "trashed"),
                _ => (ModerationStatus.Pending, "restored"),
            };
            comment.Status = status;
            comment.StatusReason = Truncate($"{verb} by {moderator}");
            comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
            // Approving and marking spam are the decisions the classifier learns from; a restore
            // takes back what the comment taught; trash says nothing about spam either way.
            var lesson = action switch
            {
                ModerationAction.Approve => TrainedAs.Ham,
                ModerationAction.Spam => TrainedAs.Spam,
                ModerationAction.Restore => TrainedAs.Nothing,
                _ => comment.TrainedAs,
            };
            await classifier.LearnAsync(comment, lesson, ct);
            if (wasApproved || status == ModerationStatus.Approved)
            {
                touchedArticles.Add(comment.ArticleId);
            }
        }
        await publishing.SaveAsync(touchedArticles, ct);
        return before;
    }

    /// <summary>
    /// Puts comments back as they were before a moderation step: their status and what they had
    /// taught the spam filter. Comments deleted since are left alone; the count says how many moved.
    /// </summary>
    public async Task<int> UndoAsync(IReadOnlyCollection<ModerationBefore> before, string moderator, CancellationToken ct)
    {
        var byId = before.Take(MaxBatch).GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First());
        var ids = byId.Keys.ToList();
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var touchedArticles = new HashSet<int>();
        foreach (var comment in comments)
        {
            var was = byId[comment.Id];
            if (comment.Status == ModerationStatus.Approved || was.Status == ModerationStatus.Approved)
            {
                touchedArticles.Add(comment.ArticleId);
            }
            comment.Status = was.Status;
            comment.StatusReason = Truncate($"{was.Status.ToString().ToLowerInvariant()} again: undone by {moderator}");
            comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
            await classifier.LearnAsync(comment, was.TrainedAs, ct);
        }
        await publishing.SaveAsync(touchedArticles, ct);
        return comments.Count;
    }

    public async Task<FormProblems> EditAsync(int id, string name, string? website, string body, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null)
        {
            return new FormProblems().Add(CommentFields.Form, "That comment no longer exists.", StatusCodes.Status404NotFound);
        }
        var problems = CommentValidator.Check(new CommentForm { Name = name, Website = website, Body = body, Email = comment.AuthorEmail }, settings.Value);
        if (problems.Any)
        {
            return problems;
        }
        comment.AuthorName = name.Trim();
        comment.AuthorUrl = string.IsNullOrWhiteSpace(website) ? null : CommentValidator.WebsiteUrl(website.Trim());
        comment.Body = CommentText.Normalize(body);
        await publishing.SaveAsync(comment.Status == ModerationStatus.Approved ? [comment.ArticleId] : [], ct);
        return problems;
    }

    /// <summary>A reply from newsroom staff: published at once, and it approves the comment it answers.</summary>
    public async Task<(Comment? Reply, FormProblems Problems)> ReplyAsStaffAsync(
        int parentId, string body, StaffCommenter staff, CancellationToken ct)
    {
        var parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == parentId, ct);
        var options = settings.Value;
        var problems = CommentValidator.Check(new CommentForm { Name = staff.Name, Email = staff.Email, Body = body }, options);
        if (parent is null)
        {
            problems.Add(CommentFields.Parent, "That comment no longer exists.", StatusCodes.Status404NotFound);
        }
        else if (parent.Depth + 1 >= options.MaxDepth)
        {
            problems.Add(CommentFields.Parent, $"Replies nest at most {options.MaxDepth} deep.");
        }
        if (problems.Any)
        {
            return (null, problems);
        }
        if (parent!.Status != ModerationStatus.Approved)
        {
            parent.Status = ModerationStatus.Approved;
            parent.StatusReason = Truncate($"approved by {staff.Name} with a reply");
            parent.ModeratedAt = clock.GetUtcNow().UtcDateTime;
            await classifier.LearnAsync(parent, TrainedAs.Ham, ct);
        }
        var reply = await AddStaffCommentAsync(parent.ArticleId, parent, body, staff, ct);
        return (reply, problems);
    }

    /// <summary>
    /// A top-level comment from newsroom staff (through the WordPress API): published at once, under a
    /// published story whose comments are open, as a reader's would have to be.
    /// </summary>
    public async Task<(Comment? Comment, FormProblems Problems)> CommentAsStaffAsync(
        int articleId, string body, StaffCommenter staff, CancellationToken ct)
    {
        var options = settings.Value;
        var problems = CommentValidator.Check(new CommentForm { Name = staff.Name, Email = staff.Email, Body = body }, options);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null || article.Status != ArticleStatus.Published || article.PublishedAt > now)
        {
            problems.Add(CommentFields.Form, "That story is not on the site.", StatusCodes.Status404NotFound);
        }
        else if (!CommentPublishing.AreOpen(article, options, now))
        {
            problems.Add(CommentFields.Form, "Comments on that story are closed.", StatusCodes.Status403Forbidden);
        }
        if (problems.Any)
        {
            return (null, problems);
        }
        return (await AddStaffCommentAsync(articleId, null, body, staff, ct), problems);
    }

    private async Task<Comment> AddStaffCommentAsync(int articleId, Comment? parent, string body, StaffCommenter staff, CancellationToken ct)
    {
        var ring = await keys.GetAsync(ct);
        var emailHash = ring.EmailHash(staff.Email);
        var comment = new Comment
        {
            ArticleId = articleId,
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            AuthorName = staff.Name,
            AuthorEmail = staff.Email,
            Body = CommentText.Normalize(body),
            Status = ModerationStatus.Approved,
            StatusReason = "staff",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            EmailHash = emailHash,
            AvatarKey = ring.AvatarKey(emailHash),
            StaffUserId = staff.UserId,
        };
        db.Comments.Add(comment);
        await publishing.SaveAsync([articleId], ct);
        return comment;
    }

    private static string Truncate(string reason) => reason.Length <= 200 ? reason : reason[..200];
}

/// <summary>A comment's state before a moderation step: what undoing the step puts back.</summary>
public sealed record ModerationBefore(int Id, ModerationStatus Status, TrainedAs TrainedAs);

/// <summary>A newsroom account replying under its own name, as the comment it writes records it.</summary>
public sealed record StaffCommenter(string UserId, string Name, string Email);