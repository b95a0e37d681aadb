using System.Globalization;
using System.Security.Claims;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Revisions;
using Herald.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Notes;

/// <summary>What adding a note came to: added, refused with reasons a person can act on, or no such story.</summary>
public abstract record NoteOutcome
{
    public sealed record Added(ArticleNote Note) : NoteOutcome;

    public sealed record Refused(IReadOnlyList<string> Problems) : NoteOutcome;

    public sealed record NotFound : NoteOutcome;

    public sealed record Forbidden : NoteOutcome;
}

/// <summary>
/// Appends dated corrections and updates to live stories. A note is a write of the story like any
/// other: it goes through the <see cref="ArticlePipeline"/> (so every page, feed and cache that shows
/// the story changes at once), moves its "updated" time, and leaves a revision saying what was noted.
/// </summary>
public sealed class ArticleNotes(HeraldDbContext db, ArticlePipeline pipeline, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<NoteOutcome> AddAsync(ClaimsPrincipal user, int articleId, ArticleNoteKind kind, string? text, CancellationToken ct)
    {
        var edit = await pipeline.OpenAsync(articleId, ct);
        if (edit is null || edit.Article.Kind != ArticleKind.Story)
        {
            return new NoteOutcome.NotFound();
        }
        var article = edit.Article;
        if (!(await authorization.AuthorizeAsync(user, article, ArticleOperations.Publish)).Succeeded)
        {
            return new NoteOutcome.Forbidden();
        }
        var written = (text ?? "").Trim();
        var problems = new List<string>();
        if (article.Status != ArticleStatus.Published)
        {
            problems.Add("Only a published story takes a correction or update; change the text of a draft instead.");
        }
        if (!Enum.IsDefined(kind))
        {
            problems.Add("Choose whether the note is a correction or an update.");
        }
        if (written.Length == 0)
        {
            problems.Add("Write what the note says.");
        }
        else if (written.Length > ArticleLimits.NoteText)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"A note has at most {ArticleLimits.NoteText} characters; this one has {written.Length}."));
        }
        if (await db.ArticleNotes.CountAsync(n => n.ArticleId == articleId, ct) >= ArticleLimits.Notes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"This story has {ArticleLimits.Notes} notes already, the most one story takes; rewrite the story and say so in its text."));
        }
        if (problems.Count > 0)
        {
            return new NoteOutcome.Refused(problems);
        }

        var by = await StaffMember.ResolveAsync(db, user, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var note = new ArticleNote { ArticleId = article.Id, Kind = kind, Text = written, AddedAt = now, AddedBy = by.Name };
        article.Version++;
        article.EditedAt = now;
        article.UpdatedAt = now;
        var refused = await pipeline.SaveAsync(edit, ArticleWriteOrigin.Newsroom, ct, saved =>
        {
            db.ArticleNotes.Add(note);
            db.ArticleRevisions.Add(ArticleRevision.Of(saved, RevisionKind.Save, Describe(note), by.UserId, by.Name, now));
        });
        return refused.Count > 0 ? new NoteOutcome.Refused(refused) : new NoteOutcome.Added(note);
    }

    /// <summary>How the revision history names the note: its kind and its first words.</summary>
    private static string Describe(ArticleNote note)
    {
        var words = note.Text.Length <= 120 ? note.Text : note.Text[..120] + "…";
        return $"{(note.Kind == ArticleNoteKind.Correction ? "Correction" : "Update")} added: {words}";
    }
}