using System.Reflection;
using System.Text;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Media;
using Herald.Site;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Demo;

/// <summary>
/// Fills an empty database with the demo newsroom that ships inside Herald: six authors,
/// seven sections and the articles under Demo/Content/articles, each with a drawn image. They go
/// through <see cref="ArticlePipeline"/> as one batch, oldest first, so the handlers (analysis,
/// related articles) read them as publishing would: each story knows the names earlier ones
/// brought, and older stories learn of newer ones.
/// </summary>
public sealed class DemoContent(HeraldDbContext db, ArticlePipeline pipeline, IMediaStore media, ILogger<DemoContent> log)
{
    private const string ResourcePrefix = "Herald.Demo.Content.";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(ct))
        {
            log.LogInformation("The database already has articles; demo content was not added.");
            return false;
        }

        var authors = ReadTable("authors.txt").Select(row => new Author { Slug = row[0], Name = row[1], Bio = row[2] })
            .ToDictionary(a => a.Slug);
        var categories = ReadTable("categories.txt")
            .Select((row, i) => new Category { Name = row[0], Slug = Slugs.From(row[0]), Description = row[1], Position = i })
            .ToDictionary(c => c.Name);
        var tags = new Dictionary<string, Tag>(StringComparer.OrdinalIgnoreCase);

        db.Authors.AddRange(authors.Values);
        db.Categories.AddRange(categories.Values);
        if (!await db.SiteSettings.AnyAsync(ct))
        {
            db.SiteSettings.Add(new SiteSettings
            {
                Title = "The Harbour Herald",
                Tagline = "Independent news from the city, the region and the world",
                TimeZoneId = "Europe/Oslo",
                PostsPerPage = 10,
            });
        }

        var added = new List<ArticleEdit>();
        foreach (var (name, file) in ReadArticleFiles())
        {
            added.Add(pipeline.Create(await BuildArticleAsync(name, file, authors, categories, tags, ct)));
        }
        // Settings, sections and authors are new too: the whole site changes.
        await pipeline.SaveBatchAsync(added.OrderBy(e => e.Article.PublishedAt).ToList(),
            new ArticleBatch(ArticleWriteOrigin.Demo, AffectsWholeSite: true), ct);
        log.LogInformation("Added {Count} demo articles.", added.Count);
        return true;
    }

    private async Task<Article> BuildArticleAsync(string name, DemoArticleFile file, Dictionary<string, Author> authors,
        Dictionary<string, Category> categories, Dictionary<string, Tag> tags, CancellationToken ct)
    {
        var slug = file.Required("slug");
        var category = categories.GetValueOrDefault(file.Required("category"))
            ?? throw new FormatException($"{name}: unknown category '{file.Required("category")}'.");
        var published = file.Time("published") ?? throw new FormatException($"{name}: missing 'published'.");
        var article = new Article
        {
            Slug = slug,
            Headline = file.Required("headline"),
            Dek = file.Optional("dek"),
            BodySource = file.Body,
            Status = ArticleStatus.Published,
            PublishedAt = published,
            UpdatedAt = file.Time("updated"),
            CreatedAt = published,
            PrimaryCategory = category,
            Categories = [category],
            Tags = file.List("tags").Select(t => tags.TryGetValue(t, out var tag) ? tag : tags[t] = new Tag { Name = t, Slug = Slugs.From(t) }).ToList(),
            Authors = file.List("author").Select((slugOfAuthor, i) => new ArticleAuthor
            {
                Author = authors.GetValueOrDefault(slugOfAuthor) ?? throw new FormatException($"{name}: unknown author '{slugOfAuthor}'."),
                Position = i,
            }).ToList(),
        };
        if (string.Equals(file.Optional("image"), "yes", StringComparison.OrdinalIgnoreCase))
        {
            var svg = DemoIllustration.Draw(slug, category.Name);
            var url = await media.SaveAsync($"demo/{slug}.svg", new MemoryStream(Encoding.UTF8.GetBytes(svg)), ct);
            article.FeaturedImage = new FeaturedImage
            {
                Url = url,
                Alt = file.Optional("image_alt") ?? article.Headline,
                Caption = file.Optional("image_caption"),
                Credit = file.Optional("image_credit"),
                Width = DemoIllustration.Width,
                Height = DemoIllustration.Height,
            };
        }
        return article;
    }

    private static IEnumerable<(string Name, DemoArticleFile File)> ReadArticleFiles()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix + "articles.", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            yield return (name, DemoArticleFile.Parse(name, ReadResource(name)));
        }
    }

    private static IEnumerable<string[]> ReadTable(string file) =>
        ReadResource(ResourcePrefix + file).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries));

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Herald was built without its demo resource {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}