using System.Globalization;

namespace Herald.Bench.Discovery;

internal static class Stats
{
    public static string Line(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return "no samples";
        }
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, max {sorted[^1]:F1} ms (n={sorted.Count})");
    }
}