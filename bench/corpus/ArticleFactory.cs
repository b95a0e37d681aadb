using Herald.Articles;

using static Herald.Bench.Corpus.Vocabulary;

namespace Herald.Bench.Corpus;

/// <summary>
/// Makes one article at a time, all from one seeded <see cref="Random"/> so that a seed always
/// gives the same corpus. Articles come out oldest first, as a real site's ids grow with time.
/// </summary>
internal sealed class ArticleFactory(Newsroom newsroom, IReadOnlyList<string> sectionImageUrls, Random random, int total, DateTime newestUtc)
{
    private static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);
    private readonly Prose prose = new(random);
    private readonly HashSet<string> slugs = [];

    public Article Create(int index)
    {
        var section = newsroom.PickSection(random);
        var story = new Story(
            Sections[section],
            Sections[section].Subjects[random.Next(Sections[section].Subjects.Length)],
            Places[random.Next(Places.Length)],
            [.. Enumerable.Range(0, random.Next(2, 4)).Select(_ => (Person(), Roles[random.Next(Roles.Length)]))]);

        // Evenly spread over three years with jitter, so consecutive ids stay in time order.
        var step = Span / total;
        var published = newestUtc - Span + step * (index + random.NextDouble());
        var category = newsroom.Categories[section];
        var headline = prose.Headline(story);
        for (var retry = 0; retry < 5 && slugs.Contains(Slugs.From(headline)); retry++)
        {
            headline = prose.Headline(story); // A real desk rewrites a headline it has used before.
        }
        var article = new Article
        {
            Slug = UniqueSlug(headline),
            Headline = headline,
            Dek = random.NextDouble() < 0.8 ? prose.Dek(story) : null,
            BodySource = prose.Body(story, BodyWords()),
            // A few drafts keep the status filter of every public query honest.
            Status = random.NextDouble() < 0.01 ? ArticleStatus.Draft : ArticleStatus.Published,
            CreatedAt = published - TimeSpan.FromMinutes(random.Next(30, 600)),
            UpdatedAt = random.NextDouble() < 0.1 ? published + TimeSpan.FromMinutes(random.Next(60, 2000)) : null,
            CommentStatus = random.NextDouble() < 0.05 ? CommentStatus.Closed : CommentStatus.Open,
            PrimaryCategoryId = category.Id,
            Categories = random.NextDouble() < 0.1
                ? [category, newsroom.Categories[(section + 1 + random.Next(Sections.Length - 1)) % Sections.Length]]
                : [category],
            Tags = newsroom.PickTags(random, random.Next(2, 6)),
            Authors = [.. newsroom.PickByline(random, section).Select((author, i) => new ArticleAuthor { AuthorId = author.Id, Position = i })],
        };
        article.PublishedAt = article.Status == ArticleStatus.Published ? published : null;
        if (random.NextDouble() < 0.4)
        {
            article.FeaturedImage = new FeaturedImage
            {
                Url = sectionImageUrls[section],
                Alt = $"Illustration for {category.Name}",
                Caption = random.NextDouble() < 0.5 ? $"{story.Place}, {Months[random.Next(Months.Length)]}." : null,
                Credit = random.NextDouble() < 0.7 ? $"Illustration: {Person()}" : null,
                Width = Demo.DemoIllustration.Width,
                Height = Demo.DemoIllustration.Height,
            };
        }
        return article;
    }

    /// <summary>
    /// Log-normal around 700 words, most stories short and a few long reads. Capped at 2900 because
    /// the body ends on a whole paragraph, which takes the longest ones to about 3000.
    /// </summary>
    private int BodyWords()
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(Math.Exp(Math.Log(700) + 0.55 * normal), 150, 2900);
    }

    private string Person() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    private string UniqueSlug(string headline)
    {
        var slug = Slugs.From(headline);
        for (var n = 2; !slugs.Add(slug); n++)
        {
            slug = $"{Slugs.From(headline)}-{n}";
        }
        return slug;
    }
}