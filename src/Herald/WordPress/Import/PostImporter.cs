using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Comments;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Media;
using Herald.Storage;
using Herald.WordPress.Redirects;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>What every batch of posts needs from the run: maps built earlier and the slugs already taken.</summary>
public sealed class PostImportState(string source, TermMaps terms, WxrScan scan, KeyRing keys, TimeZoneInfo zone)
{
    public string Source { get; } = source;
    public TermMaps Terms { get; } = terms;
    public WxrScan Scan { get; } = scan;
    public KeyRing Keys { get; } = keys;
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Every article slug in the site; one string per article, the largest thing an import keeps.</summary>
    public HashSet<string> Slugs { get; } = new(StringComparer.Ordinal);

    /// <summary>WordPress attachment id → Herald media item id.</summary>
    public Dictionary<long, int> Attachments { get; } = [];

    /// <summary>Old addresses of the attachments Herald holds a copy of, for pointing bodies at the copies.</summary>
    public MediaLinks Links { get; } = new();
}

/// <summary>
/// Imports one batch of posts and pages with their comments, old addresses and media links in
/// one transaction, together with the <see cref="ImportedItem"/> rows that map them: a batch is
/// either all there or not at all, so an import killed half-way resumes cleanly. The articles go
/// through <see cref="ArticlePipeline"/> as one batch; their analysis is left to
/// <see cref="ImportAnalysis"/>, and their eviction to the end of the import.
/// </summary>
public sealed partial class PostImporter(HeraldDbContext db, ArticlePipeline pipeline, SiteWriter writer, TimeProvider clock)
{
    private static readonly ArticleBatch Batch = new(ArticleWriteOrigin.Import, AnalysisDeferred: true, AffectsWholeSite: true, KeepUnrenderable: true);

    /// <summary>Top-level addresses a standing page must not take: Herald's own routes.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "search", "feed", "newsroom", "category", "tag", "author", "people", "organisations", "places", "comments",
        "error", "media", "css", "js", "api", "healthz", "wp-json", "wp-admin", "wp-content", "wp-login", "sitemap", "robots",
    };

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnyTag();

    /// <param name="evictLater">Where the batch's cache tags go, for the import to evict once at its end.</param>
    public async Task ImportAsync(IReadOnlyList<WxrItem> batch, PostImportState state, ImportReport report, InvalidationSet evictLater, CancellationToken ct)
    {
        var ids = batch.Select(b => b.PostId).ToList();
        var done = (await db.ImportedItems.AsNoTracking()
            .Where(i => i.Source == state.Source && i.Kind == ImportKeys.Post && ids.Contains(i.ExternalId))
            .Select(i => i.ExternalId).ToListAsync(ct)).ToHashSet();
        var media = await LoadMediaAsync(batch, state, ct);
        // One transaction from here: a term or author created on the way commits with the batch or not at all.
        await writer.CommitAsync((tags, token) => WriteAsync(batch, done, media, state, report, tags, token), ct, evictLater);
        db.ChangeTracker.Clear();
    }

    private async Task WriteAsync(IReadOnlyList<WxrItem> batch, HashSet<long> done, Dictionary<int, MediaItem> media, PostImportState state,
        ImportReport report, InvalidationSet tags, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(WxrItem Item, ArticleEdit Edit, List<(long Id, Comment Row)> Comments)>();
        var stubs = new Dictionary<(Type, int), object>();
        foreach (var item in batch)
        {
            if (!done.Add(item.PostId))
            {
                report.AlreadyImported(item.PostType == "page" ? "pages" : "posts");
                continue;
            }
            var built = await BuildAsync(item, state, media, stubs, report, now, ct);
            if (built is not null)
            {
                added.Add(built.Value);
            }
        }
        if (added.Count == 0)
        {
            return;
        }
        await AddRedirectsAsync(added.Select(a => (a.Item, a.Edit.Article)).ToList(), state, tags, ct);
        await pipeline.SaveBatchAsync(added.Select(a => a.Edit).ToList(), Batch, tags, ct);
        foreach (var (item, edit, comments) in added)
        {
            var article = edit.Article;
            if (edit.RenderProblem is { } problem)
            {
                // Kept, shown as its own escaped text until someone fixes it in the newsroom; the import goes on.
                report.Note("items whose body Herald cannot render (stored as plain text; fix them in the newsroom)",
                    $"{item.File}:{item.Line}:{item.Column}: {problem}");
            }
            db.ImportedItems.Add(new ImportedItem { Source = state.Source, Kind = ImportKeys.Post, ExternalId = item.PostId, HeraldId = article.Id, ImportedAt = now });
            foreach (var (id, comment) in comments)
            {
                db.ImportedItems.Add(new ImportedItem { Source = state.Source, Kind = ImportKeys.Comment, ExternalId = id, HeraldId = comment.Id, ImportedAt = now });
            }
            if (state.Scan.AttachmentsByParent.TryGetValue(item.PostId, out var attached))
            {
                var mediaIds = attached.Where(state.Attachments.ContainsKey).Select(a => state.Attachments[a]).ToList();
                await db.MediaItems.Where(m => mediaIds.Contains(m.Id) && m.ArticleId == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.ArticleId, article.Id), ct);
            }
            report.Imported(article.Kind == ArticleKind.Page ? "pages" : "posts");
            report.Imported("comments", comments.Count);
        }
    }

    private async Task<(WxrItem, ArticleEdit, List<(long, Comment)>)?> BuildAsync(WxrItem item, PostImportState state,
        Dictionary<int, MediaItem> media, Dictionary<(Type, int), object> stubs, ImportReport report, DateTime now, CancellationToken ct)
    {
        var kind = item.PostType == "page" ? ArticleKind.Page : ArticleKind.Story;
        ArticleStatus status;
        switch (item.Status)
        {
            case "publish": status = ArticleStatus.Published; break;
            case "draft": status = ArticleStatus.Draft; break;
            case "pending": status = ArticleStatus.Submitted; break;
            case "future": status = ArticleStatus.Scheduled; break;
            case "private": status = ArticleStatus.Unpublished; break;
            case "trash": report.Skipped($"{item.PostType}s in the trash"); return null;
            case "auto-draft": report.Skipped($"{item.PostType} auto-drafts (never saved by anyone)"); return null;
            default: report.Skipped($"{item.PostType}s with status \"{item.Status}\""); return null;
        }
        var headline = WebUtility.HtmlDecode(item.Title).Trim();
        if (item.Password.Length > 0 && kind == ArticleKind.Page && status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            // Standing pages have no password form: such a page is kept for the newsroom, not shown to everyone.
            status = ArticleStatus.Unpublished;
            report.Note("password-protected pages imported as unpublished", headline.Length > 0 ? headline : $"#{item.PostId}");
        }
        else if (item.Password.Length > 0)
        {
            // Listed as WordPress lists it; its words wait for the password (Articles/Protection).
            report.Imported("password-protected stories (locked until a reader gives the password)");
        }
        var date = item.Date ?? now;
        var markdown = item.MetaValue("_herald_markdown");
        var body = markdown ?? item.Content;
        var linked = state.Links.Rewrite(body);
        if (!ReferenceEquals(linked, body) && linked != body)
        {
            report.Imported("bodies whose pictures now lead to Herald's copies");
        }
        var article = new Article
        {
            Slug = UniqueSlug(item, headline, kind, state),
            Headline = headline.Length > 0 ? ImportKeys.Clip(headline, ArticleLimits.Headline) : "(no title)",
            Dek = item.MetaValue("_herald_dek") is { Length: > 0 } dek ? ImportKeys.Clip(dek.Trim(), ArticleLimits.Dek) : null,
            BodySource = linked,
            BodyFormat = markdown is null ? BodyFormat.Html : BodyFormat.Markdown,
            Kind = kind,
            IsSticky = item.IsSticky,
            Password = item.Password.Length > 0 && kind == ArticleKind.Story ? ImportKeys.Clip(item.Password, ArticleLimits.Password) : null,
            Status = status,
            PublishedAt = status is ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Unpublished ? date : null,
            CreatedAt = date,
            EditedAt = item.Modified ?? date,
            // WordPress's "modified" is the last save; a later one than the post date is the update readers see.
            UpdatedAt = item.Modified is { } modified && modified > date ? modified : null,
            Excerpt = PlainText(item.Excerpt) is { Length: > 0 } excerpt ? ImportKeys.Clip(excerpt, ArticleLimits.Excerpt) : null,
            CommentStatus = item.CommentStatus == "open" ? CommentStatus.Open : CommentStatus.Closed,
            Version = 1,
        };
        await AddBylinesAsync(article, item, state, ct);
        await AddTermsAsync(article, item, state, stubs, ct);
        AddFeaturedImage(article, item, state, media, report);
        foreach (var oldSlug in item.MetaValues("_wp_old_slug").Select(ImportKeys.SlugFrom).Distinct().Where(s => s != article.Slug))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(date, state.Zone);
            article.OldSlugs.Add(new OldSlug { Slug = oldSlug, Year = local.Year, Month = local.Month });
        }
        var edit = pipeline.Create(article);
        edit.RenderHints = ShortcodeMediaFor(item, state, media);
        var comments = BuildComments(item, article, state.Keys);
        article.CommentCount = comments.Count(c => c.Row.Status == ModerationStatus.Approved);
        return (item, edit, comments);
    }

    private string UniqueSlug(WxrItem item, string headline, ArticleKind kind, PostImportState state)
    {
        var wanted = item.PostName.Length > 0 ? ImportKeys.SlugFrom(item.PostName) : Slugs.From(headline);
        if (!wanted.Any(char.IsAsciiLetter))
        {
            // A slug in a script Herald does not transliterate (Greek, say) leaves only digits: the headline may do better.
            var fromHeadline = Slugs.From(headline);
            wanted = fromHeadline.Any(char.IsAsciiLetter) && fromHeadline != "untitled"
                ? fromHeadline
                : $"{(kind == ArticleKind.Page ? "page" : "post")}-{item.PostId.ToString(CultureInfo.InvariantCulture)}";
        }
        if (wanted.Length > 190)
        {
            wanted = wanted[..190].TrimEnd('-');
        }
        var slug = Slugs.Unique(wanted, s => state.Slugs.Contains(s) || (kind == ArticleKind.Page && Reserved.Contains(s)));
        state.Slugs.Add(slug);
        return slug;
    }

    private async Task AddBylinesAsync(Article article, WxrItem item, PostImportState state, CancellationToken ct)
    {
        var logins = item.MetaValue("_herald_authors") is { Length: > 0 } all
            ? all.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : item.Creator.Length > 0 ? [item.Creator] : [];
        var position = 0;
        foreach (var login in logins.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!state.Terms.Authors.TryGetValue(login, out var authorId))
            {
                // An author the head did not declare: found by slug, or created with the login as name.
                var slug = Slugs.From(login);
                var author = await db.Authors.FirstOrDefaultAsync(a => a.Slug == slug, ct) ?? db.Authors.Local.FirstOrDefault(a => a.Slug == slug);
                if (author is null)
                {
                    author = new Author { Slug = slug, Name = ImportKeys.Clip(login, 200) };
                    db.Authors.Add(author);
                    await db.SaveChangesAsync(ct);
                }
                state.Terms.Authors[login] = authorId = author.Id;
            }
            article.Authors.Add(new ArticleAuthor { AuthorId = authorId, Position = position++ });
        }
    }

    private async Task AddTermsAsync(Article article, WxrItem item, PostImportState state, Dictionary<(Type, int), object> stubs, CancellationToken ct)
    {
        foreach (var term in item.Terms)
        {
            if (term.Kind == WxrTermKind.Category)
            {
                var id = await TermIdAsync(state.Terms.Categories, term, ct);
                var category = Stub(stubs, id, () => new Category { Id = id, Slug = "", Name = "" });
                if (!article.Categories.Contains(category))
                {
                    article.Categories.Add(category);
                }
            }
            else
            {
                var id = await TermIdAsync(state.Terms.Tags, term, ct);
                var tag = Stub(stubs, id, () => new Tag { Id = id, Slug = "", Name = "" });
                if (!article.Tags.Contains(tag))
                {
                    article.Tags.Add(tag);
                }
            }
        }
        var primaryName = item.MetaValue("_herald_primary_category")
            ?? item.Terms.FirstOrDefault(t => t.Kind == WxrTermKind.Category)?.Nicename;
        if (primaryName is not null && state.Terms.Categories.TryGetValue(primaryName, out var primaryId))
        {
            article.PrimaryCategoryId = primaryId;
        }
    }

    /// <summary>Terms are saved before the posts; an item may still name one the head did not declare.</summary>
    private async Task<int> TermIdAsync(Dictionary<string, int> map, WxrItemTerm term, CancellationToken ct)
    {
        if (map.TryGetValue(term.Nicename, out var id))
        {
            return id;
        }
        var slug = ImportKeys.SlugFrom(term.Nicename);
        if (term.Kind == WxrTermKind.Category)
        {
            var found = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                var row = new Category { Slug = slug, Name = ImportKeys.Clip(term.Name, 200) };
                db.Categories.Add(row);
                await db.SaveChangesAsync(ct);
                db.Entry(row).State = EntityState.Detached;
                found = row.Id;
            }
            return map[term.Nicename] = found.Value;
        }
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (tag is null)
        {
            var row = new Tag { Slug = slug, Name = ImportKeys.Clip(term.Name, 200) };
            db.Tags.Add(row);
            await db.SaveChangesAsync(ct);
            db.Entry(row).State = EntityState.Detached;
            tag = row.Id;
        }
        return map[term.Nicename] = tag.Value;
    }

    /// <summary>Categories and tags exist already: attached by id as unchanged rows, never loaded.</summary>
    private T Stub<T>(Dictionary<(Type, int), object> stubs, int id, Func<T> create) where T : class
    {
        if (stubs.TryGetValue((typeof(T), id), out var existing))
        {
            return (T)existing;
        }
        var stub = create();
        db.Attach(stub);
        stubs[(typeof(T), id)] = stub;
        return stub;
    }

    private static void AddFeaturedImage(Article article, WxrItem item, PostImportState state, Dictionary<int, MediaItem> media, ImportReport report)
    {
        if (item.MetaValue("_thumbnail_id") is not { } thumbnail || !long.TryParse(thumbnail, NumberStyles.None, CultureInfo.InvariantCulture, out var attachmentId))
        {
            return;
        }
        if (!state.Attachments.TryGetValue(attachmentId, out var mediaId) || !media.TryGetValue(mediaId, out var picture))
        {
            report.Note("featured images naming an attachment not in the file (left out)", $"post {item.PostId} → {attachmentId}");
            return;
        }
        article.FeaturedImage = new FeaturedImage
        {
            Url = picture.Url,
            Alt = picture.Alt.Length > 0 ? picture.Alt : ImportKeys.Clip(article.Headline, ArticleLimits.ImageAlt),
            Caption = picture.Caption,
            Credit = picture.Credit,
            Width = picture.Width,
            Height = picture.Height,
            MediaItemId = picture.Id,
            FocusX = picture.FocusX,
            FocusY = picture.FocusY,
            Srcset = picture.Srcset.Length > 0 ? picture.Srcset : null,
        };
    }

    /// <summary>The media items this batch's featured images and galleries may show, in one query.</summary>
    private async Task<Dictionary<int, MediaItem>> LoadMediaAsync(IReadOnlyList<WxrItem> batch, PostImportState state, CancellationToken ct)
    {
        var wanted = new HashSet<int>();
        foreach (var item in batch)
        {
            if (item.MetaValue("_thumbnail_id") is { } thumbnail && long.TryParse(thumbnail, out var id) && state.Attachments.TryGetValue(id, out var mediaId))
            {
                wanted.Add(mediaId);
            }
            if (item.Content.Contains("[gallery", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var known in state.Attachments.Values)
                {
                    wanted.Add(known);
                }
            }
        }
        if (wanted.Count == 0)
        {
            return [];
        }
        return await db.MediaItems.AsNoTracking().Where(m => wanted.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
    }

    private static ShortcodeMedia? ShortcodeMediaFor(WxrItem item, PostImportState state, Dictionary<int, MediaItem> media)
    {
        if (!item.Content.Contains("[gallery", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var byId = new Dictionary<long, ShortcodeImage>();
        foreach (var (attachmentId, mediaId) in state.Attachments)
        {
            if (media.TryGetValue(mediaId, out var m))
            {
                byId[attachmentId] = new ShortcodeImage(attachmentId, m.Url, m.Alt, m.Caption);
            }
        }
        var attached = state.Scan.AttachmentsByParent.GetValueOrDefault(item.PostId) ?? [];
        return new ShortcodeMedia(byId, attached.Where(byId.ContainsKey).Select(a => byId[a]).ToList());
    }

    private List<(long Id, Comment Row)> BuildComments(WxrItem item, Article article, KeyRing keys)
    {
        var rows = new Dictionary<long, (WxrComment Source, Comment Row)>();
        foreach (var comment in item.Comments.DistinctBy(c => c.Id))
        {
            var email = comment.AuthorEmail is { } e ? ImportKeys.Clip(e, CommentLimits.Email) : "";
            var emailHash = email.Length > 0 ? keys.EmailHash(email) : "";
            var name = comment.AuthorName.Length > 0 ? ImportKeys.Clip(WebUtility.HtmlDecode(comment.AuthorName), CommentLimits.Name) : "Anonymous";
            var row = new Comment
            {
                Article = article,
                AuthorName = name,
                AuthorEmail = email,
                AuthorUrl = comment.AuthorUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? ImportKeys.Clip(url, CommentLimits.Url) : null,
                Body = ImportKeys.Clip(CommentText.Normalize(PlainText(comment.Content)), CommentLimits.BodyCeiling),
                Status = comment.Approved switch
                {
                    "1" or "approve" => ModerationStatus.Approved,
                    "0" or "hold" => ModerationStatus.Pending,
                    "spam" => ModerationStatus.Spam,
                    _ => ModerationStatus.Trash,
                },
                Kind = comment.Type switch
                {
                    "pingback" => CommentKind.Pingback,
                    "trackback" => CommentKind.Trackback,
                    _ => CommentKind.Comment,
                },
                StatusReason = "imported from WordPress",
                CreatedAt = comment.Date,
                ClientHash = keys.ClientHash(comment.AuthorIp),
                EmailHash = emailHash,
                // Commenters without an address still get an avatar of their own, drawn from their name.
                AvatarKey = keys.AvatarKey(emailHash.Length > 0 ? emailHash : keys.Hash("imported-name", name)),
            };
            rows[comment.Id] = (comment, row);
        }
        // A reply may come before the comment it answers; links are made once all are read.
        foreach (var (source, row) in rows.Values)
        {
            if (source.ParentId != 0 && source.ParentId != source.Id && rows.TryGetValue(source.ParentId, out var parent))
            {
                row.Parent = parent.Row;
            }
        }
        foreach (var (_, row) in rows.Values)
        {
            var depth = 0;
            var seen = new HashSet<Comment> { row };
            for (var up = row.Parent; up is not null; up = up.Parent)
            {
                if (!seen.Add(up))
                {
                    // A loop of replies in the file: this one becomes a top-level comment.
                    row.Parent = null;
                    depth = 0;
                    break;
                }
                depth++;
            }
            row.Depth = depth;
            db.Comments.Add(row);
        }
        return rows.Select(r => (r.Key, r.Value.Row)).ToList();
    }

    /// <summary>The old addresses of each article: its permalink, /?p=ID and, for pages, /?page_id=ID.</summary>
    private async Task AddRedirectsAsync(List<(WxrItem Item, Article Article)> added, PostImportState state, InvalidationSet tags, CancellationToken ct)
    {
        var wanted = new List<(string Path, Article Article)>();
        foreach (var (item, article) in added)
        {
            var own = article.PublishedAt is { } at && article.Kind == ArticleKind.Story
                ? LegacyPaths.Normalize(ArticleUrls.For(at, article.Slug, state.Zone), null)
                : "/" + article.Slug;
            var paths = new[]
            {
                LegacyPaths.FromLink(item.Link),
                $"/?p={item.PostId.ToString(CultureInfo.InvariantCulture)}",
                article.Kind == ArticleKind.Page ? $"/?page_id={item.PostId.ToString(CultureInfo.InvariantCulture)}" : null,
            };
            foreach (var path in paths.OfType<string>().Distinct())
            {
                if (path != own && path != "/")
                {
                    wanted.Add((path, article));
                }
            }
        }
        var candidates = wanted.Select(w => w.Path).Distinct().ToList();
        var taken = (await db.LegacyRedirects.AsNoTracking().Where(r => candidates.Contains(r.Path)).Select(r => r.Path).ToListAsync(ct)).ToHashSet();
        foreach (var (path, article) in wanted)
        {
            if (taken.Add(path))
            {
                db.LegacyRedirects.Add(new LegacyRedirect { Path = path, Article = article });
                // Every process's index of old addresses must learn of it, or would answer it 404.
                tags.Add(CacheTags.LegacyRedirects);
            }
        }
    }

    private static string PlainText(string html)
    {
        if (html.Length == 0)
        {
            return "";
        }
        var text = LineBreakTag().Replace(html, m => m.Value.StartsWith("</", StringComparison.Ordinal) ? "\n\n" : "\n");
        return WebUtility.HtmlDecode(AnyTag().Replace(text, "")).Trim();
    }
}