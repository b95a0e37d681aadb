namespace Herald.Text.Tests.Quality;

/// <summary>One hand-annotated article of the gold set; see Gold/README.md for the format.</summary>
public sealed record GoldArticle(
    string Name,
    GoldSet Set,
    IReadOnlySet<string>? Scope,
    string Text,
    IReadOnlyList<GoldQuote> Quotes,
    IReadOnlyList<GoldEntity> Entities,
    IReadOnlyList<GoldFigure> Figures,
    IReadOnlyList<GoldCheck> Checks)
{
    /// <summary>Held out from tuning: the first unseen set or the later held-out one.</summary>
    public bool Unseen => Set is GoldSet.Unseen or GoldSet.HeldOut;

    /// <summary>Whether the article's annotations cover a kind of finding ("quotes", "entities", "figures", "checks").</summary>
    public bool Scores(string kind) => Scope is null || Scope.Contains(kind);

    public static IReadOnlyList<GoldArticle> LoadAll(string goldDirectory)
    {
        var articles = new List<GoldArticle>();
        foreach ((string folderName, GoldSet set) in new[] { ("unseen", GoldSet.Unseen), ("heldout", GoldSet.HeldOut), ("dev", GoldSet.Dev) })
        {
            string folder = Path.Combine(goldDirectory, folderName);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (string textFile in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                string annotationFile = Path.ChangeExtension(textFile, ".ann");
                string[] lines = File.Exists(annotationFile) ? File.ReadAllLines(annotationFile) : [];
                articles.Add(Parse(Path.GetFileNameWithoutExtension(textFile), set, File.ReadAllText(textFile), lines));
            }
        }
        return articles;
    }

    /// <summary>The gold folder next to the test sources, found by walking up from the running assembly.</summary>
    public static string FindGoldDirectory()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null)
        {
            string candidate = Path.Combine(directory, "tests", "Herald.Text.Tests", "Gold");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            directory = Path.GetDirectoryName(directory);
        }
        throw new DirectoryNotFoundException("tests/Herald.Text.Tests/Gold not found above " + AppContext.BaseDirectory);
    }

    private static GoldArticle Parse(string name, GoldSet set, string text, string[] lines)
    {
        HashSet<string>? scope = null;
        var quotes = new List<GoldQuote>();
        var entities = new List<GoldEntity>();
        var figures = new List<GoldFigure>();
        var checks = new List<GoldCheck>();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith("# scope:", StringComparison.Ordinal))
            {
                // "# scope: quotes entities" — the article is annotated for these kinds only; the rest go unscored.
                scope = [.. line["# scope:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                continue;
            }
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            string[] fields = line[1..].Split(" | ");
            string head = fields[0].Trim();
            switch (line[0])
            {
                case 'Q':
                    quotes.Add(new GoldQuote(head, Dash(fields[1]), fields[2].Trim()));
                    break;
                case 'E':
                    entities.Add(new GoldEntity(head, fields[1].Trim()));
                    break;
                case 'F':
                    figures.Add(new GoldFigure(head, double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
                        fields[2].Trim(), Dash(fields[3]), Dash(fields[4])));
                    break;
                case 'C':
                    checks.Add(new GoldCheck(head, fields[1].Trim()));
                    break;
                default:
                    throw new FormatException($"{name}: unknown annotation line '{line}'");
            }
        }
        return new GoldArticle(name, set, scope, text, quotes, entities, figures, checks);
    }

    private static string? Dash(string field) => field.Trim() == "-" ? null : field.Trim();
}

/// <summary>Dev articles may be tuned on; Unseen (the first ten) and HeldOut (the fresh batch n01-n14) may not.</summary>
public enum GoldSet { Dev, Unseen, HeldOut }

public sealed record GoldQuote(string Kind, string? Speaker, string Text);

public sealed record GoldEntity(string Type, string Name);

public sealed record GoldFigure(string Text, double Value, string Unit, string? Scale, string? Period);

public sealed record GoldCheck(string Rule, string Snippet);