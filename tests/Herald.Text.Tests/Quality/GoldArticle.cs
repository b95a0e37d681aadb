namespace Herald.Text.Tests.Quality;

/// <summary>One hand-annotated article of the gold set; see Gold/README.md for the format.</summary>
public sealed record GoldArticle(
    string Name,
    bool Unseen,
    string Text,
    IReadOnlyList<GoldQuote> Quotes,
    IReadOnlyList<GoldEntity> Entities,
    IReadOnlyList<GoldFigure> Figures,
    IReadOnlyList<GoldCheck> Checks)
{
    public static IReadOnlyList<GoldArticle> LoadAll(string goldDirectory)
    {
        var articles = new List<GoldArticle>();
        foreach (string set in new[] { "unseen", "dev" })
        {
            string folder = Path.Combine(goldDirectory, set);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (string textFile in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                string annotationFile = Path.ChangeExtension(textFile, ".ann");
                string[] lines = File.Exists(annotationFile) ? File.ReadAllLines(annotationFile) : [];
                articles.Add(Parse(Path.GetFileNameWithoutExtension(textFile), set == "unseen", File.ReadAllText(textFile), lines));
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

    private static GoldArticle Parse(string name, bool unseen, string text, string[] lines)
    {
        var quotes = new List<GoldQuote>();
        var entities = new List<GoldEntity>();
        var figures = new List<GoldFigure>();
        var checks = new List<GoldCheck>();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
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
        return new GoldArticle(name, unseen, text, quotes, entities, figures, checks);
    }

    private static string? Dash(string field) => field.Trim() == "-" ? null : field.Trim();
}

public sealed record GoldQuote(string Kind, string? Speaker, string Text);

public sealed record GoldEntity(string Type, string Name);

public sealed record GoldFigure(string Text, double Value, string Unit, string? Scale, string? Period);

public sealed record GoldCheck(string Rule, string Snippet);