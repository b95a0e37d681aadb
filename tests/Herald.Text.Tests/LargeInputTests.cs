using System.Diagnostics;
using System.Text;

namespace Herald.Text.Tests;

/// <summary>
/// Megabytes of pasted text still finish, in bounded time and without failing. Each takes tens of
/// seconds on a shared two-core machine, so they run in the slow tier (CI runs them; a developer's
/// `dotnet test --filter "Tier!=Slow"` leaves them out).
/// </summary>
[Trait("Tier", "Slow")]
public sealed class LargeInputTests
{
    [Fact]
    public void TenMegabytesFinishInBoundedTime()
    {
        var builder = new StringBuilder();
        string[] pieces =
        [
            "“China will play a constructive role,” Xi Jinping said. ",
            "Revenue rose 12 percent to $6bn in 2023. ",
            "\"unclosed quote ",
            "Memorandum On Technical Cooperation  was signed.Next ",
            "Вот «цитата» и 中文“引语”。\n\n",
            "„„„ »»» \"\"\" ",
        ];
        int i = 0;
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(pieces[i++ % pieces.Length]);
        }
        var watch = Stopwatch.StartNew();
        Analysis analysis = NewsAnalyzer.Analyze(builder.ToString());
        watch.Stop();
        Assert.DoesNotContain(analysis.Checks, c => c.Rule == "analysis-failed");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void OneHugeParagraphWithoutPunctuation()
    {
        string text = string.Concat(Enumerable.Repeat("Alpha Beta Gamma Delta \"quote ", 200_000));
        var watch = Stopwatch.StartNew();
        NewsAnalyzer.Analyze(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }
}