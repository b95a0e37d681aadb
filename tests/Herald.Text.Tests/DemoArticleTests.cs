namespace Herald.Text.Tests;

/// <summary>
/// The demo site's articles, read one after another the way the site reads them (each analysis
/// knows the names found before): no organisation or place may come out as a person.
/// </summary>
public sealed class DemoArticleTests
{
    [Fact]
    public void NoPersonIsAnOrganisationOrAPlace()
    {
        var known = new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        var people = new List<(string Article, Entity Person)>();
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in DemoArticles())
        {
            Analysis analysis = NewsAnalyzer.Analyze(ReadBody(file), new AnalyzerOptions { KnownEntities = [.. known.Values] });
            foreach (Entity entity in analysis.Entities)
            {
                if (entity.Type == EntityType.Person)
                {
                    people.Add((Path.GetFileName(file), entity));
                }
                else
                {
                    others.Add(entity.Name);
                    others.UnionWith(entity.Aliases);
                }
                known.TryAdd(entity.Name, new KnownEntity(entity.Name, entity.Type, entity.Aliases));
            }
        }
        Assert.True(people.Count > 30, $"only {people.Count} people found in the demo articles");
        string[] organisationWords = ["Association", "Council", "Federation", "Union", "Ministry", "Museum", "Party", "Agency", "Fishermen"];
        foreach ((string article, Entity person) in people)
        {
            Assert.False(others.Contains(person.Name), $"{article}: person {person.Name} is also an organisation or place");
            Assert.DoesNotContain(person.Name.Split(' '), word => organisationWords.Contains(word));
            Assert.DoesNotContain(person.Aliases, alias => others.Contains(alias) && alias != person.Name.Split(' ')[^1]);
        }
    }

    [Fact]
    public void TheFishermensAssociationStoryNamesTheRightSpeaker()
    {
        string file = Assert.Single(DemoArticles(), f => File.ReadAllText(f).Contains("Norrhavn Fishermen's Association", StringComparison.Ordinal));
        Analysis analysis = NewsAnalyzer.Analyze(ReadBody(file));
        Assert.Contains(analysis.Entities, e => e.Name == "Norrhavn Fishermen's Association" && e.Type == EntityType.Organization);
        Assert.DoesNotContain(analysis.Quotes, q => q.Speaker is { } speaker && speaker.Contains("Fishermen", StringComparison.Ordinal) && q.Kind == QuoteKind.Direct);
    }

    private static IEnumerable<string> DemoArticles()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !Directory.Exists(Path.Combine(directory, "src", "Herald", "Demo", "Content", "articles")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        Assert.NotNull(directory);
        return Directory.GetFiles(Path.Combine(directory, "src", "Herald", "Demo", "Content", "articles"), "*.md").Order(StringComparer.Ordinal);
    }

    /// <summary>The headline as a Markdown heading, then the body; the front matter's other fields are not article text.</summary>
    private static string ReadBody(string file)
    {
        string[] lines = File.ReadAllLines(file);
        int end = Array.IndexOf(lines, "---", 1);
        string headline = lines.Take(end).FirstOrDefault(l => l.StartsWith("headline:", StringComparison.Ordinal))?["headline:".Length..].Trim() ?? "";
        return $"# {headline}\n\n{string.Join('\n', lines.Skip(end + 1))}";
    }
}