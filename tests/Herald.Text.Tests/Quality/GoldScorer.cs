using System.Text;

namespace Herald.Text.Tests.Quality;

/// <summary>Runs the analyzer over gold articles and counts hits and misses per measure.</summary>
public sealed class GoldScorer
{
    public const string QuoteSpans = "direct quote spans";
    public const string IndirectSpans = "indirect statement spans";
    public const string Speakers = "direct quote speakers";
    public const string IndirectSpeakers = "indirect statement speakers";
    public const string Entities = "entities (name + type)";
    public const string People = "entities: person";
    public const string Organizations = "entities: organization";
    public const string Places = "entities: place";
    public const string Attribution = "attribution (direct + indirect)";
    public const string PublicEntities = "entities sure enough to publish";
    public const string PublicSpeakers = "speakers sure enough to publish";
    public const string Figures = "figures (text + value + unit)";
    public const string Periods = "figure periods";

    private readonly Dictionary<string, Score> _scores = [];

    public StringBuilder Mistakes { get; } = new();

    public IEnumerable<Score> Scores => _scores.Values.OrderBy(s => s.Name.StartsWith("check:", StringComparison.Ordinal)).ThenBy(s => s.Name, StringComparer.Ordinal);

    public Score this[string name] => Get(name);

    public static GoldScorer Evaluate(IEnumerable<GoldArticle> articles)
    {
        var scorer = new GoldScorer();
        foreach (GoldArticle article in articles)
        {
            scorer.Add(article, NewsAnalyzer.Analyze(article.Text));
        }
        return scorer;
    }

    public string Table()
    {
        var table = new StringBuilder();
        table.AppendLine($"{"measure",-34} {"TP",5} {"FP",5} {"FN",5}");
        foreach (Score score in Scores)
        {
            table.AppendLine(score.ToString());
        }
        return table.ToString();
    }

    public void Add(GoldArticle gold, Analysis analysis)
    {
        if (gold.Scores("quotes"))
        {
            ScoreQuotes(gold, analysis, "direct", QuoteSpans, Speakers);
            ScoreQuotes(gold, analysis, "indirect", IndirectSpans, IndirectSpeakers);
            Match(gold.Name, Attribution,
                gold.Quotes.Where(q => q.Speaker is not null).Select(q => $"{q.Kind}: {Normalize(q.Text)} <= {q.Speaker}"),
                analysis.Quotes.Where(q => q.Speaker is not null)
                    .Select(q => $"{(q.Kind == QuoteKind.Direct ? "direct" : "indirect")}: {Normalize(q.Text)} <= {q.Speaker}"),
                quiet: true);
            // What public pages show on the analysis alone: precision is what readers see, recall what waits for an editor.
            Match(gold.Name, PublicSpeakers,
                gold.Quotes.Where(q => q.Speaker is not null).Select(q => $"{q.Kind}: {Normalize(q.Text)} <= {q.Speaker}"),
                analysis.Quotes.Where(q => q.IsConfident)
                    .Select(q => $"{(q.Kind == QuoteKind.Direct ? "direct" : "indirect")}: {Normalize(q.Text)} <= {q.Speaker}"),
                quiet: true);
        }
        if (gold.Scores("entities"))
        {
            ScoreEntities(gold, analysis);
        }
        if (!gold.Scores("figures"))
        {
            return;
        }
        Match(gold.Name, Figures,
            gold.Figures.Select(f => $"{Normalize(f.Text)}|{f.Value}|{f.Unit}"),
            analysis.Figures.Select(f => $"{Normalize(f.Text)}|{f.Value}|{f.Unit}"));
        Match(gold.Name, Periods,
            gold.Figures.Where(f => f.Period is not null).Select(f => $"{Normalize(f.Text)}|{f.Period}"),
            analysis.Figures.Where(f => f.Period is not null).Select(f => $"{Normalize(f.Text)}|{f.Period}"));
        if (gold.Scores("checks"))
        {
            ScoreChecks(gold, analysis);
        }
    }

    private void ScoreEntities(GoldArticle gold, Analysis analysis)
    {
        Match(gold.Name, Entities,
            gold.Entities.Select(e => $"{e.Type}:{Fold(e.Name)}"),
            analysis.Entities.Select(e => $"{AnalysisJson.TypeName(e.Type)}:{Fold(e.Name)}"));
        Match(gold.Name, PublicEntities,
            gold.Entities.Select(e => $"{e.Type}:{Fold(e.Name)}"),
            analysis.Entities.Where(e => e.IsConfident).Select(e => $"{AnalysisJson.TypeName(e.Type)}:{Fold(e.Name)}"),
            quiet: true);
        foreach ((string measure, EntityType type) in new[] { (People, EntityType.Person), (Organizations, EntityType.Organization), (Places, EntityType.Place) })
        {
            string name = AnalysisJson.TypeName(type);
            // Per type, an entity found under the wrong type is a false positive of the type given and a miss of the right one.
            Match(gold.Name, measure,
                gold.Entities.Where(e => e.Type == name).Select(e => Fold(e.Name)),
                analysis.Entities.Where(e => e.Type == type).Select(e => Fold(e.Name)),
                quiet: true);
        }
    }

    private void ScoreQuotes(GoldArticle gold, Analysis analysis, string kind, string spanMeasure, string speakerMeasure)
    {
        QuoteKind wanted = kind == "direct" ? QuoteKind.Direct : QuoteKind.Indirect;
        List<Quote> predicted = [.. analysis.Quotes.Where(q => q.Kind == wanted)];
        List<GoldQuote> expected = [.. gold.Quotes.Where(q => q.Kind == kind)];
        Match(gold.Name, spanMeasure, expected.Select(q => Normalize(q.Text)), predicted.Select(q => Normalize(q.Text)));
        Match(gold.Name, speakerMeasure,
            expected.Where(q => q.Speaker is not null).Select(q => $"{Normalize(q.Text)} <= {q.Speaker}"),
            predicted.Where(q => q.Speaker is not null).Select(q => $"{Normalize(q.Text)} <= {q.Speaker}"));
    }

    private void ScoreChecks(GoldArticle gold, Analysis analysis)
    {
        var used = new HashSet<int>();
        foreach (GoldCheck expected in gold.Checks)
        {
            Score score = Get("check: " + expected.Rule);
            int hit = -1;
            for (int i = 0; i < analysis.Checks.Count && hit < 0; i++)
            {
                Check check = analysis.Checks[i];
                if (check.Rule == expected.Rule && !used.Contains(i) && Overlaps(gold.Text, expected.Snippet, check))
                {
                    hit = i;
                }
            }
            if (hit >= 0)
            {
                used.Add(hit);
                score.TruePositives++;
            }
            else
            {
                score.FalseNegatives++;
                Mistakes.AppendLine($"{gold.Name}: missed check {expected.Rule} at \"{expected.Snippet}\"");
            }
        }
        for (int i = 0; i < analysis.Checks.Count; i++)
        {
            if (!used.Contains(i))
            {
                Check check = analysis.Checks[i];
                Get("check: " + check.Rule).FalsePositives++;
                Mistakes.AppendLine($"{gold.Name}: extra check {check.Rule} at \"{Excerpt(gold.Text, check.Start, check.End)}\"");
            }
        }
    }

    private static bool Overlaps(string text, string snippet, Check check)
    {
        int at = text.IndexOf(snippet, StringComparison.Ordinal);
        while (at >= 0)
        {
            if (check.Start < at + snippet.Length && at < Math.Max(check.End, check.Start + 1))
            {
                return true;
            }
            at = text.IndexOf(snippet, at + 1, StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Multiset matching: each expected item can be claimed by one predicted item.</summary>
    private void Match(string article, string measure, IEnumerable<string> expected, IEnumerable<string> predicted, bool quiet = false)
    {
        Score score = Get(measure);
        var remaining = expected.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        foreach (string item in predicted)
        {
            if (remaining.TryGetValue(item, out int left) && left > 0)
            {
                remaining[item] = left - 1;
                score.TruePositives++;
            }
            else
            {
                score.FalsePositives++;
                if (!quiet)
                {
                    Mistakes.AppendLine($"{article}: extra {measure}: {item}");
                }
            }
        }
        foreach ((string item, int left) in remaining)
        {
            score.FalseNegatives += left;
            for (int i = 0; i < left && !quiet; i++)
            {
                Mistakes.AppendLine($"{article}: missed {measure}: {item}");
            }
        }
    }

    private Score Get(string name)
    {
        if (!_scores.TryGetValue(name, out Score? score))
        {
            score = new Score(name);
            _scores[name] = score;
        }
        return score;
    }

    /// <summary>"Zurich" and "Zürich" are one name; accents are a matter of spelling, not of which entity is meant.</summary>
    private static string Fold(string name)
    {
        string decomposed = name.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(Math.Min(end, start + 60), start, text.Length);
        return text[start..end].ReplaceLineEndings(" ");
    }
}