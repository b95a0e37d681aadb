using Herald.Articles;

using static Herald.Bench.Corpus.Vocabulary;

namespace Herald.Bench.Corpus;

/// <summary>
/// The generated site's fixed cast: 7 sections, 12 authors with beats, ~300 tags. Tags are
/// drawn with Zipf-like popularity (the k-th most used tag is used about 1/k as often as the
/// first) because that is what makes some tag pages huge and most of them small.
/// </summary>
internal sealed class Newsroom
{
    public const int TagCount = 300;
    private const int AuthorCount = 12;

    private readonly double[] tagCumulative;
    private readonly double[] sectionCumulative;

    private Newsroom(List<Category> categories, List<Author> authors, List<Tag> tags)
    {
        Categories = categories;
        Authors = authors;
        Tags = tags;
        tagCumulative = Cumulative(Enumerable.Range(1, tags.Count).Select(rank => 1.0 / rank));
        sectionCumulative = Cumulative(Sections.Select(s => s.Share));
    }

    /// <summary>In the order of <see cref="Vocabulary.Sections"/>.</summary>
    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<Author> Authors { get; }

    /// <summary>Most popular first.</summary>
    public IReadOnlyList<Tag> Tags { get; }

    public static Newsroom Create(Random random)
    {
        var categories = Sections.Select((s, i) => new Category
        {
            Name = s.Name,
            Slug = Slugs.From(s.Name),
            Description = s.Description,
            Position = i,
        }).ToList();

        var authors = Enumerable.Range(0, AuthorCount).Select(i =>
        {
            var name = $"{FirstNames[i]} {LastNames[i]}";
            return new Author
            {
                Name = name,
                Slug = Slugs.From(name),
                Bio = $"{FirstNames[i]} covers {Beats(i)[0].Name.ToLowerInvariant()} and {Beats(i)[1].Name.ToLowerInvariant()}.",
            };
        }).ToList();

        // Topics, places and people, as a news site's tag list is; shuffled so popularity is mixed.
        var people = FirstNames.SelectMany(first => LastNames.Select(last => $"{first} {last}"))
            .OrderBy(_ => random.Next()).Take(TagCount - Topics.Length - Places.Length);
        var tags = Topics.Concat(Places).Concat(people)
            .OrderBy(_ => random.Next())
            .Select(name => new Tag { Name = name, Slug = Slugs.From(name) })
            .ToList();
        return new Newsroom(categories, authors, tags);
    }

    public int PickSection(Random random) => Draw(sectionCumulative, random);

    /// <summary>Distinct tags, popular ones more often.</summary>
    public List<Tag> PickTags(Random random, int count)
    {
        var picked = new HashSet<int>();
        while (picked.Count < count)
        {
            picked.Add(Draw(tagCumulative, random));
        }
        return picked.Select(i => Tags[i]).ToList();
    }

    /// <summary>Usually one author from the section's desk; about one story in six is a joint byline.</summary>
    public List<Author> PickByline(Random random, int section)
    {
        var desk = Enumerable.Range(0, AuthorCount).Where(i => Beats(i).Contains(Sections[section])).ToList();
        var first = random.NextDouble() < 0.85 ? desk[random.Next(desk.Count)] : random.Next(AuthorCount);
        var roll = random.NextDouble();
        var size = roll < 0.03 ? 3 : roll < 0.17 ? 2 : 1;
        var byline = new List<int> { first };
        while (byline.Count < size)
        {
            var next = random.Next(AuthorCount);
            if (!byline.Contains(next))
            {
                byline.Add(next);
            }
        }
        return byline.Select(i => Authors[i]).ToList();
    }

    /// <summary>
    /// EF fills Category.Articles and Tag.Articles as articles are added. Emptied after each batch,
    /// or re-attaching the shared tags would attach every earlier article again.
    /// </summary>
    public void ForgetArticles()
    {
        foreach (var category in Categories)
        {
            category.Articles.Clear();
        }
        foreach (var tag in Tags)
        {
            tag.Articles.Clear();
        }
    }

    private static Section[] Beats(int author) => [Sections[author % Sections.Length], Sections[(author + 3) % Sections.Length]];

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        var cumulative = weights.Select(w => sum += w).ToArray();
        return cumulative.Select(c => c / sum).ToArray();
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}