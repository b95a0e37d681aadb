using Herald.Articles;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.WordPress.Redirects;
using Microsoft.EntityFrameworkCore;

namespace Herald.WordPress.Import;

/// <summary>The ids Herald gave to an export's authors, categories and tags, by WordPress login or nicename.</summary>
public sealed class TermMaps
{
    public Dictionary<string, int> Authors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Categories { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Imports the channel head (authors, categories, tags) in one transaction. A name Herald already
/// has (same slug) is reused rather than duplicated, so a second import or a Herald-to-Herald
/// round trip lands on the same rows; every row is mapped in <see cref="ImportedItem"/>.
/// </summary>
public sealed class TermImporter(HeraldDbContext db, SiteWriter writer, TimeProvider clock)
{
    /// <param name="evictLater">Where the cache tags go, for the import to evict once at its end.</param>
    public async Task<TermMaps> ImportAsync(string source, IReadOnlyList<WxrAuthor> authors, IReadOnlyList<WxrTerm> terms,
        ImportReport report, InvalidationSet evictLater, CancellationToken ct)
    {
        var known = await db.ImportedItems.AsNoTracking()
            .Where(i => i.Source == source && (i.Kind == ImportKeys.Author || i.Kind == ImportKeys.Category || i.Kind == ImportKeys.Tag))
            .ToDictionaryAsync(i => (i.Kind, i.ExternalId), i => i.HeraldId, ct);
        return await writer.CommitAsync((tags, token) => WriteAsync(source, authors, terms, known, report, tags, token), ct, evictLater);
    }

    private async Task<TermMaps> WriteAsync(string source, IReadOnlyList<WxrAuthor> authors, IReadOnlyList<WxrTerm> terms,
        Dictionary<(string Kind, long ExternalId), int> known, ImportReport report, InvalidationSet tags, CancellationToken ct)
    {
        var maps = new TermMaps();
        var now = clock.GetUtcNow().UtcDateTime;
        var authorsBySlug = await db.Authors.ToDictionaryAsync(a => a.Slug, ct);
        var newAuthors = new List<(WxrAuthor Record, Author Row)>();
        foreach (var author in authors.DistinctBy(a => a.Login, StringComparer.OrdinalIgnoreCase))
        {
            if (known.TryGetValue((ImportKeys.Author, ImportKeys.ForName(author.Login)), out var id))
            {
                maps.Authors[author.Login] = id;
                report.AlreadyImported("authors");
                continue;
            }
            var slug = Slugs.From(author.Login);
            if (!authorsBySlug.TryGetValue(slug, out var row))
            {
                authorsBySlug[slug] = row = new Author { Slug = slug, Name = ImportKeys.Clip(author.DisplayName, 200) };
                db.Authors.Add(row);
            }
            newAuthors.Add((author, row));
        }

        var categoriesBySlug = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        var tagsBySlug = await db.Tags.ToDictionaryAsync(t => t.Slug, ct);
        var newTerms = new List<(WxrTerm Record, object Row)>();
        var categoryRows = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        var position = categoriesBySlug.Count == 0 ? 0 : categoriesBySlug.Values.Max(c => c.Position) + 1;
        foreach (var term in terms.DistinctBy(t => (t.Kind, t.Nicename.ToLowerInvariant())))
        {
            var kind = term.Kind == WxrTermKind.Category ? ImportKeys.Category : ImportKeys.Tag;
            var externalId = term.TermId ?? ImportKeys.ForName(term.Nicename);
            var slug = ImportKeys.SlugFrom(term.Nicename);
            if (term.Kind == WxrTermKind.Category)
            {
                if (!categoriesBySlug.TryGetValue(slug, out var category))
                {
                    categoriesBySlug[slug] = category = new Category
                    {
                        Slug = slug,
                        Name = ImportKeys.Clip(term.Name, 200),
                        Description = term.Description is null ? null : ImportKeys.Clip(term.Description, 1000),
                        Position = position++,
                    };
                    db.Categories.Add(category);
                }
                categoryRows[term.Nicename] = category;
                if (known.TryGetValue((kind, externalId), out var id))
                {
                    maps.Categories[term.Nicename] = id;
                    report.AlreadyImported("categories");
                    continue;
                }
                newTerms.Add((term, category));
            }
            else
            {
                if (!tagsBySlug.TryGetValue(slug, out var tag))
                {
                    tagsBySlug[slug] = tag = new Tag { Slug = slug, Name = ImportKeys.Clip(term.Name, 200) };
                    db.Tags.Add(tag);
                }
                if (known.TryGetValue((kind, externalId), out var id))
                {
                    maps.Tags[term.Nicename] = id;
                    report.AlreadyImported("tags");
                    continue;
                }
                newTerms.Add((term, tag));
            }
        }
        // Parents may be named before or after their children, so they are linked once all exist.
        foreach (var term in terms.Where(t => t.Kind == WxrTermKind.Category && t.Parent is { Length: > 0 }))
        {
            if (categoryRows.TryGetValue(term.Nicename, out var child) && categoryRows.TryGetValue(term.Parent!, out var parent)
                && child != parent && child.ParentId is null && !IsAncestor(child, parent))
            {
                child.Parent = parent;
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            // Sections show on every page (navigation); tags and bylines on many.
            tags.Add(CacheTags.Site);
        }
        await db.SaveChangesAsync(ct);

        foreach (var (record, row) in newAuthors)
        {
            maps.Authors[record.Login] = row.Id;
            db.ImportedItems.Add(new ImportedItem { Source = source, Kind = ImportKeys.Author, ExternalId = ImportKeys.ForName(record.Login), HeraldId = row.Id, ImportedAt = now });
            report.Imported("authors");
            await RedirectAsync(tags, $"/author/{record.Login}", $"/author/{row.Slug}", ct);
        }
        foreach (var (record, row) in newTerms)
        {
            var externalId = record.TermId ?? ImportKeys.ForName(record.Nicename);
            if (row is Category category)
            {
                maps.Categories[record.Nicename] = category.Id;
                db.ImportedItems.Add(new ImportedItem { Source = source, Kind = ImportKeys.Category, ExternalId = externalId, HeraldId = category.Id, ImportedAt = now });
                report.Imported("categories");
                await RedirectAsync(tags, WordPressCategoryPath(record, terms), $"/category/{category.Slug}", ct);
            }
            else if (row is Tag tag)
            {
                maps.Tags[record.Nicename] = tag.Id;
                db.ImportedItems.Add(new ImportedItem { Source = source, Kind = ImportKeys.Tag, ExternalId = externalId, HeraldId = tag.Id, ImportedAt = now });
                report.Imported("tags");
                await RedirectAsync(tags, $"/tag/{record.Nicename}", $"/tag/{tag.Slug}", ct);
            }
        }
        return maps;
    }

    /// <summary>WordPress puts a category's ancestors in its address: /category/parent/child/.</summary>
    private static string WordPressCategoryPath(WxrTerm category, IReadOnlyList<WxrTerm> terms)
    {
        var byName = terms.Where(t => t.Kind == WxrTermKind.Category).DistinctBy(t => t.Nicename).ToDictionary(t => t.Nicename, StringComparer.OrdinalIgnoreCase);
        var chain = new List<string> { category.Nicename };
        var current = category;
        while (current.Parent is { Length: > 0 } parent && byName.TryGetValue(parent, out var next) && chain.Count < 20 && !chain.Contains(next.Nicename))
        {
            chain.Insert(0, next.Nicename);
            current = next;
        }
        return "/category/" + string.Join('/', chain);
    }

    private static bool IsAncestor(Category child, Category candidate)
    {
        // Refuse a parent that is already below the child: a loop in the file must not become a loop in Herald.
        var seen = new HashSet<Category>();
        for (var current = candidate.Parent; current is not null && seen.Add(current); current = current.Parent)
        {
            if (current == child)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An old archive address that Herald spells differently becomes a fixed 301.</summary>
    private async Task RedirectAsync(InvalidationSet tags, string wordpressPath, string heraldPath, CancellationToken ct)
    {
        var from = LegacyPaths.Normalize(Uri.UnescapeDataString(wordpressPath), null);
        var to = LegacyPaths.Normalize(heraldPath, null);
        if (from is null || from == to || db.LegacyRedirects.Local.Any(r => r.Path == from)
            || await db.LegacyRedirects.AnyAsync(r => r.Path == from, ct))
        {
            return;
        }
        db.LegacyRedirects.Add(new LegacyRedirect { Path = from, TargetPath = heraldPath });
        tags.Add(CacheTags.LegacyRedirects);
    }
}