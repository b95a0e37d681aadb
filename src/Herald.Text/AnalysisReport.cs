using System.Globalization;
using System.Text;

namespace Herald.Text;

/// <summary>A plain-text summary an editor can read in a terminal.</summary>
public static class AnalysisReport
{
    public static string Format(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var report = new StringBuilder();
        CultureInfo invariant = CultureInfo.InvariantCulture;
        report.Append(invariant, $"{analysis.Paragraphs.Count} paragraphs, {analysis.Sentences.Count} sentences").AppendLine();

        report.AppendLine().Append(invariant, $"Quotes ({analysis.Quotes.Count})").AppendLine();
        foreach (Quote quote in analysis.Quotes)
        {
            string speaker = quote.Speaker ?? "(no speaker found)";
            string kind = quote.Kind == QuoteKind.Direct ? "direct" : "indirect";
            string sure = quote.Speaker is null ? "" : $", {quote.Confidence:0.00}";
            report.Append(invariant, $"  [{quote.Start}-{quote.End}] {speaker} ({kind}, {quote.Cue ?? "no cue"}{sure}): {Shorten(quote.Text)}").AppendLine();
        }

        report.AppendLine().Append(invariant, $"Entities ({analysis.Entities.Count})").AppendLine();
        foreach (Entity entity in analysis.Entities)
        {
            string aliases = entity.Aliases.Count == 0 ? "" : $" — also {string.Join(", ", entity.Aliases)}";
            string sure = entity.IsConfident ? "" : " (unsure)";
            report.Append(invariant, $"  {AnalysisJson.TypeName(entity.Type),-12} {entity.Name} ×{entity.Mentions}{aliases}  {entity.Confidence:0.00}{sure}").AppendLine();
            if (entity.Evidence.Count > 0)
            {
                report.Append("               because: ").AppendJoin("; ", entity.Evidence).AppendLine();
            }
        }

        report.AppendLine().Append(invariant, $"Figures ({analysis.Figures.Count})").AppendLine();
        foreach (Figure figure in analysis.Figures)
        {
            string scale = figure.Scale is null ? "" : " " + figure.Scale;
            string period = figure.Period is null ? "" : $" ({figure.Period})";
            report.Append(invariant, $"  {figure.Text} = {figure.Value.ToString(invariant)}{scale} {figure.Unit}{period}").AppendLine();
        }

        report.AppendLine().Append(invariant, $"Checks ({analysis.Checks.Count})").AppendLine();
        foreach (Check check in analysis.Checks)
        {
            report.Append(invariant, $"  [{check.Start}-{check.End}] {check.Rule}: {check.Message}").AppendLine();
        }
        return report.ToString();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}