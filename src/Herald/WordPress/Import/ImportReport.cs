using System.Globalization;
using System.Text;

namespace Herald.WordPress.Import;

/// <summary>What an import did, counted as it goes and printed at the end.</summary>
public sealed class ImportReport
{
    /// <summary>Examples kept per note; the count goes on, so a huge export does not grow the report.</summary>
    private const int ExamplesPerNote = 5;

    /// <summary>Failures listed one by one (each address with its reason) before the rest are only counted.</summary>
    public const int FailuresListed = 1000;

    private readonly SortedDictionary<string, int> imported = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> already = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> skipped = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (int Count, List<string> Examples)> notes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (int Count, List<(string Address, string Reason)> Listed)> failures = new(StringComparer.Ordinal);

    public int AnalysedStories { get; set; }
    public TimeSpan ImportTime { get; set; }
    public TimeSpan AnalysisTime { get; set; }
    public bool AnalysisSkipped { get; set; }

    public void Imported(string kind, int count = 1) => Add(imported, kind, count);

    public void AlreadyImported(string kind, int count = 1) => Add(already, kind, count);

    public void Skipped(string reason) => Add(skipped, reason, 1);

    public int ImportedCount(string kind) => imported.GetValueOrDefault(kind);

    public int AlreadyCount(string kind) => already.GetValueOrDefault(kind);

    /// <summary>Something imported that the operator should know about (a password-protected post, a missing file).</summary>
    public void Note(string what, string example)
    {
        var (count, examples) = notes.TryGetValue(what, out var found) ? found : (0, new List<string>());
        if (examples.Count < ExamplesPerNote && !examples.Contains(example))
        {
            examples.Add(example);
        }
        notes[what] = (count + 1, examples);
    }

    /// <summary>Something that failed for one address, listed with its reason (a download that got a 404, say).</summary>
    public void Failed(string what, string address, string reason)
    {
        var (count, listed) = failures.TryGetValue(what, out var found) ? found : (0, new List<(string, string)>());
        if (listed.Count < FailuresListed)
        {
            listed.Add((address, reason));
        }
        failures[what] = (count + 1, listed);
    }

    public IReadOnlyList<(string Address, string Reason)> FailuresOf(string what) =>
        failures.TryGetValue(what, out var found) ? found.Listed : [];

    public string Format(long peakBytes)
    {
        var text = new StringBuilder();
        text.AppendLine("Imported:");
        Lines(text, imported);
        if (already.Count > 0)
        {
            text.AppendLine("Already imported (skipped):");
            Lines(text, already);
        }
        if (skipped.Count > 0)
        {
            text.AppendLine("Skipped:");
            Lines(text, skipped);
        }
        foreach (var (what, (count, examples)) in notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"Note: {count} {what}");
            text.AppendLine(examples.Count > 0 ? $", e.g. {string.Join("; ", examples)}" : "");
        }
        foreach (var (what, (count, listed)) in failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Failed: {count} {what}:");
            foreach (var (address, reason) in listed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {address}: {reason}");
            }
            if (count > listed.Count)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {count - listed.Count} more");
            }
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Import took {ImportTime.TotalSeconds:0.0} s.");
        text.AppendLine(AnalysisSkipped
            ? "Analysis skipped (--skip-analysis): run the import again without it to index related articles and people."
            : string.Create(CultureInfo.InvariantCulture, $"Analysed {AnalysedStories} stories for related articles and people in {AnalysisTime.TotalSeconds:0.0} s."));
        text.Append(CultureInfo.InvariantCulture, $"Peak memory: {peakBytes / (1024 * 1024)} MB");
        return text.ToString();
    }

    private static void Lines(StringBuilder text, SortedDictionary<string, int> counts)
    {
        foreach (var (what, count) in counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {what}: {count}");
        }
    }

    private static void Add(SortedDictionary<string, int> counts, string key, int count) =>
        counts[key] = counts.GetValueOrDefault(key) + count;
}

/// <summary>The process's peak working set: VmHWM on Linux, the runtime's figure elsewhere.</summary>
public static class PeakMemory
{
    public static long Bytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line[6..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                {
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }
}