using Herald.Articles;
using Herald.Articles.Protection;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Comments;

/// <summary>Who is posting, as far as Herald may know it.</summary>
public sealed record Poster(string? ClientAddress, string VisitorKey);

/// <summary>The stored comment, or the problems that sent the form back.</summary>
public sealed record SubmissionOutcome(Comment? Comment, FormProblems Problems, Article? Article);

/// <summary>
/// Turns a posted form into a stored comment: validation, the article and parent checks,
/// the spam defences, then the first status from <see cref="ModerationRules"/>.
/// </summary>
public sealed class CommentSubmission(
    HeraldDbContext db, ArticleQueries articles, SpamClassifier classifier, CommentKeys keys,
    CommentGroupCommit store, IOptions<CommentOptions> settings, TimeProvider clock)
{
    /// <param name="mayRead">Whether the poster may read a password-protected story (gave its password); none may when not given.</param>
    public async Task<SubmissionOutcome> SubmitAsync(CommentForm form, Poster poster, CancellationToken ct, Func<Article, bool>? mayRead = null)
    {
        var options = settings.Value;
        var problems = CommentValidator.Check(form, options);
        var now = clock.GetUtcNow();
        // Standing pages (About, imported WordPress pages) take comments as stories do.
        var article = await articles.PublishedOfAnyKind().FirstOrDefaultAsync(a => a.Id == form.ArticleId, ct);
        if (article is null)
        {
            return new(null, problems.Add(CommentFields.Form, "This article does not exist or is not published, so it cannot take comments.", StatusCodes.Status404NotFound), null);
        }
        if (!CommentPublishing.AreOpen(article, options, now.UtcDateTime))
        {
            return new(null, problems.Add(CommentFields.Form, "Comments on this article are closed.", StatusCodes.Status403Forbidden), article);
        }
        if (PostPasswords.IsProtected(article) && !(mayRead?.Invoke(article) ?? false))
        {
            return new(null, problems.Add(CommentFields.Form, "This story is protected by a password: enter it on the story's page before you comment.", StatusCodes.Status403Forbidden), article);
        }
        var parent = form.ParentId is { } parentId ? await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct) : null;
        if (form.ParentId is not null && (parent is null || parent.ArticleId != article.Id || parent.Status != ModerationStatus.Approved))
        {
            problems.Add(CommentFields.Parent, "The comment you are replying to is not available. Post your text as a new comment instead.", StatusCodes.Status404NotFound);
        }
        else if (parent is not null && parent.Depth + 1 >= options.MaxDepth)
        {
            problems.Add(CommentFields.Parent, $"Replies nest at most {options.MaxDepth} deep. Reply to an earlier comment in this thread instead.");
        }
        CheckStamp(form, options, now, await keys.GetAsync(ct), problems);
        if (problems.Any)
        {
            return new(null, problems, article);
        }

        var ring = await keys.GetAsync(ct);
        var body = CommentText.Normalize(form.Body!);
        var emailHash = ring.EmailHash(form.Email!);
        var clientHash = ring.ClientHash(poster.ClientAddress);
        var bodyHash = CommentText.Fingerprint(body);
        var duplicate = await db.Comments.AnyAsync(CommentRepeats.Of(new CommentWords(article.Id, body, bodyHash, emailHash, clientHash)), ct);
        if (duplicate)
        {
            return new(null, Repeated(problems), article);
        }

        var website = string.IsNullOrWhiteSpace(form.Website) ? null : CommentValidator.WebsiteUrl(form.Website.Trim());
        var name = form.Name!.Trim();
        var verdict = await classifier.ClassifyAsync(SpamTokenizer.Features(body, name, website), ct);
        var earlierApproved = await db.Comments.AnyAsync(c => c.EmailHash == emailHash && c.Status == ModerationStatus.Approved, ct);
        var decision = ModerationRules.Decide(new CommentFacts(
            body, name, website, !string.IsNullOrEmpty(form.Homepage), earlierApproved, ByStaff: false, verdict), options);

        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            AuthorName = name,
            AuthorEmail = form.Email!.Trim(),
            AuthorUrl = website,
            Body = body,
            Status = decision.Status,
            StatusReason = decision.Reason,
            CreatedAt = now.UtcDateTime,
            ClientHash = clientHash,
            OwnerHash = ring.OwnerHash(poster.VisitorKey),
            EmailHash = emailHash,
            AvatarKey = ring.AvatarKey(emailHash),
        };
        if (!await store.StoreAsync(comment, ct))
        {
            return new(null, Repeated(problems), article);
        }
        return new(comment, problems, article);
    }

    private static FormProblems Repeated(FormProblems problems) =>
        problems.Add(CommentFields.Form, "You have already posted this comment here. It looks as though you said that already!", StatusCodes.Status409Conflict);

    private static void CheckStamp(CommentForm form, CommentOptions options, DateTimeOffset now, KeyRing ring, FormProblems problems)
    {
        var served = FormStamps.ReadStamp(ring, form.Started);
        if (served is null)
        {
            problems.Add(CommentFields.Form, "This form could not be verified (it may come from an old copy of the page). Check your comment and post it again.");
        }
        else if (now - served.Value < options.MinimumFillTime)
        {
            problems.Add(CommentFields.Form, "That was sent faster than a person can type. Check your comment and post it again.");
        }
        else if (now - served.Value > options.MaximumFormAge)
        {
            problems.Add(CommentFields.Form, "This form has expired. Your text is kept below: post it again.");
        }
    }
}