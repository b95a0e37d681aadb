using System.Diagnostics;
using System.Text;

namespace Herald.Text.Tests;

/// <summary>
/// Whatever is pasted in — binary, one word ten million times, mixed scripts, quotation marks and
/// brackets that never close — analysis finishes, never throws, and its output stays in proportion to
/// its input. Growth is checked against the same input at a quarter of the size, with room enough
/// for a loaded machine: a quadratic step would exceed it by far, a linear one never does.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class BadInputTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    public static TheoryData<string> Inputs() => ["binary", "one-word", "one-name", "mixed-scripts", "unbalanced"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void LargeInputsNeverThrowAndStayInProportion(string kind)
    {
        // Ten megabytes of binary or of one word; the other kinds exercise the same paths at three.
        string text = Make(kind, kind is "binary" or "one-word" ? TenMegabytes : TenMegabytes * 3 / 10);
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.DoesNotContain(analysis.Checks, c => c.Rule == "analysis-failed");
        int words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(analysis.Entities.Count, 0, words);
        Assert.InRange(analysis.Quotes.Count, 0, text.Length);
        Assert.All(analysis.Entities, e =>
        {
            Assert.InRange(e.Confidence, 0, 1);
            Assert.InRange(e.Evidence.Count, 0, 24);
            Assert.InRange(e.Name.Length, 1, text.Length);
        });
        Assert.All(analysis.Quotes, q =>
        {
            Assert.InRange(q.Start, 0, text.Length);
            Assert.InRange(q.End, q.Start, text.Length);
            Assert.InRange(q.Confidence, 0, 1);
        });
        Assert.NotEmpty(AnalysisJson.Serialize(analysis));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FourTimesTheInputTakesAboutFourTimesAsLong(string kind)
    {
        string small = Make(kind, TenMegabytes / 20);
        string large = Make(kind, TenMegabytes / 5);
        NewsAnalyzer.Analyze(small);
        double smallSeconds = Fastest(small);
        double largeSeconds = Fastest(large);
        // Linear work gives about 4; a quadratic step would give 16 and more. Machines shared with
        // other builds make single runs noisy, so the bound is generous and the faster of two counts.
        Assert.True(largeSeconds < (smallSeconds * 10) + 0.5, $"{kind}: {smallSeconds:0.00}s for 0.5 MB, {largeSeconds:0.00}s for 2 MB");
    }

    private static double Fastest(string text)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 2; run++)
        {
            var watch = Stopwatch.StartNew();
            NewsAnalyzer.Analyze(text);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string Make(string kind, int length)
    {
        var random = new Random(16);
        var builder = new StringBuilder(length + 64);
        switch (kind)
        {
            case "binary":
                byte[] bytes = new byte[length];
                random.NextBytes(bytes);
                // Binary pasted as text: every byte a character, NULs and control characters included.
                builder.Append(Encoding.Latin1.GetString(bytes));
                break;
            case "one-word":
                while (builder.Length < length)
                {
                    builder.Append("Norrhavn ");
                }
                break;
            case "one-name":
                while (builder.Length < length)
                {
                    builder.Append("Ingrid Solberg said. ");
                }
                break;
            case "mixed-scripts":
                string[] pieces = ["Президент Иван Петров сказал: «Мы готовы». ", "习近平说：“中国将发挥建设性作用。” ", "مرحبا بالعالم ",
                    "Ανακοίνωση της Αθήνας. ", "🎉🇺🇳 ", "\"Ready,\" Anna Berg said in Tromsø. ", "Zürich AG und München GmbH. "];
                while (builder.Length < length)
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                }
                break;
            default:
                string[] marks = ["“", "«", "„", "\"", "(", "[", "{", "Anna Berg said ", "Fishermen's ", "Association ", "in Oslo ", "\n\n"];
                while (builder.Length < length)
                {
                    builder.Append(marks[random.Next(marks.Length)]);
                }
                break;
        }
        return builder.ToString();
    }
}