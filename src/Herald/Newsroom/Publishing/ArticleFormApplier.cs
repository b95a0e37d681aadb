using Herald.Articles;
using Herald.Newsroom.Editor;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom.Publishing;

/// <summary>
/// Copies what the editor form says onto the article: words, slug, byline, sections, tags and
/// the featured image. Returns the problems found; the caller saves nothing when there are any.
/// The body is rendered later, once, by <see cref="Articles.Writing.ArticlePipeline"/>.
/// </summary>
public sealed class ArticleFormApplier(HeraldDbContext db, ArticleBody body)
{
    public async Task<List<string>> ApplyAsync(Article article, ArticleForm form, StaffMember by, bool mayChooseAuthors, CancellationToken ct)
    {
        var problems = new List<string>();
        // An excerpt that is still the one made from the old body is not the writer's own: made anew on save.
        var excerpt = Blank(form.Excerpt);
        if (excerpt is not null && excerpt == MarkdownRenderer.MakeExcerpt(body.PlainText(article)))
        {
            excerpt = null;
        }
        article.Headline = (form.Headline ?? "").Trim();
        article.Dek = Blank(form.Dek);
        article.BodySource = form.Body ?? "";
        article.CommentStatus = form.CommentStatus;
        article.Excerpt = excerpt;

        await ApplySlugAsync(article, form.Slug, problems, ct);
        await ApplyAuthorsAsync(article, form, by, mayChooseAuthors, problems, ct);
        await ApplyCategoriesAsync(article, form, problems, ct);
        await ApplyTagsAsync(article, form, problems, ct);
        await ApplyFeaturedImageAsync(article, form, problems, ct);
        return problems;
    }

    private async Task ApplySlugAsync(Article article, string? requested, List<string> problems, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            // Nothing typed: make one from the headline, numbered if another article has it.
            article.Slug = await Slugs.UniqueAsync(Slugs.From(article.Headline.Length > 0 ? article.Headline : "untitled"),
                async slug => await SlugTakenAsync(slug, article.Id, ct));
            return;
        }
        var normalized = Slugs.From(requested);
        if (normalized != article.Slug && await SlugTakenAsync(normalized, article.Id, ct))
        {
            // Only that the address is taken: the article holding it may be someone else's unpublished draft.
            problems.Add($"The slug \"{normalized}\" is already taken by another article. Choose another, or leave the slug empty to have one made from the headline.");
            return;
        }
        article.Slug = normalized;
    }

    private Task<bool> SlugTakenAsync(string slug, int articleId, CancellationToken ct) =>
        db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, ct);

    private async Task ApplyAuthorsAsync(Article article, ArticleForm form, StaffMember by, bool mayChooseAuthors, List<string> problems, CancellationToken ct)
    {
        var wanted = mayChooseAuthors ? form.AuthorIds.Distinct().ToList() : [];
        if (wanted.Count == 0)
        {
            if (article.Authors.Count > 0)
            {
                return; // Not the person's to change, or nothing chosen: the byline stays.
            }
            if (by.AuthorId is { } own)
            {
                wanted = [own];
            }
        }
        if (wanted.Count > ArticleLimits.Authors)
        {
            problems.Add($"A byline has at most {ArticleLimits.Authors} names.");
            return;
        }
        var authors = await db.Authors.Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        if (authors.Count != wanted.Count)
        {
            problems.Add("One of the chosen authors no longer exists; choose again.");
            return;
        }
        article.Authors.RemoveAll(b => !wanted.Contains(b.AuthorId));
        for (var position = 0; position < wanted.Count; position++)
        {
            var byline = article.Authors.FirstOrDefault(b => b.AuthorId == wanted[position]);
            if (byline is null)
            {
                byline = new ArticleAuthor { AuthorId = wanted[position], Author = authors[wanted[position]] };
                article.Authors.Add(byline);
            }
            byline.Position = position;
        }
    }

    private async Task ApplyCategoriesAsync(Article article, ArticleForm form, List<string> problems, CancellationToken ct)
    {
        var wanted = form.CategoryIds.Distinct().ToList();
        if (form.PrimaryCategoryId is { } primary && !wanted.Contains(primary))
        {
            wanted.Insert(0, primary);
        }
        if (wanted.Count > ArticleLimits.Categories)
        {
            problems.Add($"An article can be in at most {ArticleLimits.Categories} sections.");
            return;
        }
        var categories = await db.Categories.Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        if (categories.Count != wanted.Count)
        {
            problems.Add("One of the chosen sections no longer exists; choose again.");
            return;
        }
        article.Categories.RemoveAll(c => !wanted.Contains(c.Id));
        article.Categories.AddRange(categories.Where(c => article.Categories.All(existing => existing.Id != c.Id)));
        var primaryId = form.PrimaryCategoryId ?? (wanted.Count > 0 ? wanted[0] : null);
        article.PrimaryCategoryId = primaryId;
        article.PrimaryCategory = categories.FirstOrDefault(c => c.Id == primaryId);
    }

    private async Task ApplyTagsAsync(Article article, ArticleForm form, List<string> problems, CancellationToken ct)
    {
        var names = form.TagNames();
        if (names.Count > ArticleLimits.Tags || names.Any(n => n.Length > ArticleLimits.TagName))
        {
            problems.Add($"An article has at most {ArticleLimits.Tags} tags of at most {ArticleLimits.TagName} characters each.");
            return;
        }
        var wanted = names.Select(n => (Name: n, Slug: Slugs.From(n))).DistinctBy(t => t.Slug).ToList();
        var slugs = wanted.Select(t => t.Slug).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        article.Tags.RemoveAll(t => !slugs.Contains(t.Slug));
        foreach (var (name, slug) in wanted)
        {
            if (article.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }
            // Writers may add a tag as they go; editors tidy the list on the tags page.
            article.Tags.Add(existing.GetValueOrDefault(slug) ?? new Tag { Name = name, Slug = slug });
        }
    }

    private async Task ApplyFeaturedImageAsync(Article article, ArticleForm form, List<string> problems, CancellationToken ct)
    {
        if (form.FeaturedMediaId is not { } mediaId)
        {
            article.FeaturedImage = null;
            return;
        }
        var media = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, ct);
        if (media is null)
        {
            problems.Add("The chosen featured image is no longer in the media library; choose another.");
            return;
        }
        article.FeaturedImage = new FeaturedImage
        {
            Url = media.Url,
            Srcset = media.Srcset,
            Width = media.Width,
            Height = media.Height,
            MediaItemId = media.Id,
            FocusX = media.FocusX,
            FocusY = media.FocusY,
            // Words given in the library travel with the picture unless the article says otherwise.
            Alt = Blank(form.FeaturedAlt) ?? media.Alt,
            Caption = Blank(form.FeaturedCaption) ?? media.Caption,
            Credit = Blank(form.FeaturedCredit) ?? media.Credit,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}