using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Herald.Comments;

/// <summary>What a new comment is compared on to tell whether it repeats one already taken.</summary>
public sealed record CommentWords(int ArticleId, string Body, string BodyHash, string EmailHash, string ClientHash)
{
    public static CommentWords Of(Comment comment) =>
        new(comment.ArticleId, comment.Body, comment.BodyHash, comment.EmailHash, comment.ClientHash);
}

/// <summary>
/// When a new comment repeats one already taken: the same words on the same story from the same
/// e-mail or the same address, unless the earlier one was thrown away. Written once and applied
/// in two places: the database query before a comment is queued, and the group commit, which looks
/// again when it stores the comment, as posts of the same words sent together all pass the first.
/// </summary>
public static class CommentRepeats
{
    // The body's fingerprint comes before the body so that the index (ArticleId, BodyHash) does the finding.
    private static readonly Expression<Func<Comment, CommentWords, bool>> Rule = (earlier, candidate) =>
        earlier.ArticleId == candidate.ArticleId && earlier.BodyHash == candidate.BodyHash && earlier.Body == candidate.Body
        && (earlier.EmailHash == candidate.EmailHash || earlier.ClientHash == candidate.ClientHash)
        && earlier.Status != ModerationStatus.Trash;

    private static readonly Func<Comment, CommentWords, bool> CompiledRule = Rule.Compile();

    /// <summary>The rule as a query filter; EF Core turns the candidate's values into parameters.</summary>
    public static Expression<Func<Comment, bool>> Of(CommentWords candidate) =>
        Expression.Lambda<Func<Comment, bool>>(
            ReplacingExpressionVisitor.Replace(Rule.Parameters[1], Expression.Constant(candidate), Rule.Body),
            Rule.Parameters[0]);

    /// <summary>The same rule on comments held in memory.</summary>
    public static bool Repeats(Comment earlier, Comment candidate) => CompiledRule(earlier, CommentWords.Of(candidate));
}