using Microsoft.EntityFrameworkCore;

namespace Herald.Articles;

/// <summary>
/// A story as its public page shows it, read in two statements whatever the size of its byline or
/// tag list: the story's own columns with its primary section (the Markdown source left behind: the
/// page shows the HTML rendered at save time), then its bylines, sections, tags and notes as one
/// UNION ALL. <see cref="ArticleGraph.WithShownParts"/> costs five split queries for the same page,
/// each a network round trip on PostgreSQL. Related rows carry what a reader sees of them (names,
/// slugs, note text and kind), not what only the newsroom reads.
/// </summary>
public static class ShownArticle
{
    public static async Task<Article?> FirstOrDefaultAsync(IQueryable<Article> source, CancellationToken ct)
    {
        var article = await source.Select(a => new Article
        {
            Id = a.Id,
            Slug = a.Slug,
            Headline = a.Headline,
            Dek = a.Dek,
            BodyFormat = a.BodyFormat,
            Kind = a.Kind,
            IsSticky = a.IsSticky,
            Password = a.Password,
            BodyHtml = a.BodyHtml,
            Excerpt = a.Excerpt,
            Status = a.Status,
            PublishedAt = a.PublishedAt,
            UpdatedAt = a.UpdatedAt,
            CreatedAt = a.CreatedAt,
            EditedAt = a.EditedAt,
            Version = a.Version,
            CreatedByUserId = a.CreatedByUserId,
            WordCount = a.WordCount,
            CommentStatus = a.CommentStatus,
            CommentCount = a.CommentCount,
            PrimaryCategoryId = a.PrimaryCategoryId,
            PrimaryCategory = a.PrimaryCategory,
            FeaturedImage = a.FeaturedImage,
        }).FirstOrDefaultAsync(ct);
        if (article is not null)
        {
            await LoadPartsAsync(source, article, ct);
        }
        return article;
    }

    private static async Task LoadPartsAsync(IQueryable<Article> source, Article article, CancellationToken ct)
    {
        var id = article.Id;
        var one = source.Where(a => a.Id == id);
        var parts = await one.SelectMany(a => a.Authors).Select(b => new Part
        {
            Kind = PartKind.Author,
            Id = b.Author.Id,
            Order = b.Position,
            Name = b.Author.Name,
            Slug = b.Author.Slug,
            At = DateTime.MinValue,
        }).Concat(one.SelectMany(a => a.Categories).Select(c => new Part
        {
            Kind = PartKind.Section,
            Id = c.Id,
            Order = c.Id,
            Name = c.Name,
            Slug = c.Slug,
            At = DateTime.MinValue,
        })).Concat(one.SelectMany(a => a.Tags).Select(t => new Part
        {
            Kind = PartKind.Tag,
            Id = t.Id,
            Order = t.Id,
            Name = t.Name,
            Slug = t.Slug,
            At = DateTime.MinValue,
        })).Concat(one.SelectMany(a => a.Notes).Select(n => new Part
        {
            Kind = PartKind.Note,
            Id = n.Id,
            Order = n.Id,
            Name = n.Text,
            Slug = n.Kind == ArticleNoteKind.Correction ? CorrectionMark : "",
            At = n.AddedAt,
        })).ToListAsync(ct);

        foreach (var part in parts.OrderBy(p => p.At).ThenBy(p => p.Order))
        {
            switch (part.Kind)
            {
                case PartKind.Author:
                    article.Authors.Add(new ArticleAuthor
                    {
                        ArticleId = id,
                        AuthorId = part.Id,
                        Position = part.Order,
                        Author = new Author { Id = part.Id, Name = part.Name, Slug = part.Slug },
                    });
                    break;
                case PartKind.Section:
                    article.Categories.Add(new Category { Id = part.Id, Name = part.Name, Slug = part.Slug });
                    break;
                case PartKind.Tag:
                    article.Tags.Add(new Tag { Id = part.Id, Name = part.Name, Slug = part.Slug });
                    break;
                default:
                    article.Notes.Add(new ArticleNote
                    {
                        Id = part.Id,
                        ArticleId = id,
                        Text = part.Name,
                        AddedAt = part.At,
                        Kind = part.Slug == CorrectionMark ? ArticleNoteKind.Correction : ArticleNoteKind.Update,
                    });
                    break;
            }
        }
    }

    private const string CorrectionMark = "correction";

    private static class PartKind
    {
        public const int Author = 0;
        public const int Section = 1;
        public const int Tag = 2;
        public const int Note = 3;
    }

    /// <summary>One row of the union; a settable class, as EF translates set operations only over member-init projections.</summary>
    private sealed class Part
    {
        public int Kind { get; init; }
        public int Id { get; init; }

        /// <summary>A byline's position; a section's or tag's id; a note's id (notes go by <see cref="At"/> first).</summary>
        public int Order { get; init; }

        /// <summary>The name; a note's text.</summary>
        public string Name { get; init; } = "";

        /// <summary>The slug; for a note, whether it is a correction.</summary>
        public string Slug { get; init; } = "";

        /// <summary>When a note was added; the same for every other row.</summary>
        public DateTime At { get; init; }
    }
}