using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Herald.Text.Tests;

/// <summary>
/// Megabytes of pasted text still finish, in bounded time and without failing. Each takes tens of
/// seconds on a shared two-core machine, so they run in the slow tier (CI runs them; a developer's
/// `dotnet test --filter "Tier!=Slow"` leaves them out). Time is the CPU time of the analysing thread,
/// not the wall clock: on a busy machine the wall clock measures the wait for a core, not the work.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class LargeInputTests(ITestOutputHelper output)
{
    [Fact]
    public void TenMegabytesFinishInBoundedTime()
    {
        string oneMegabyte = Junk(1024 * 1024);
        string tenMegabytes = Junk(10 * 1024 * 1024);
        // The smaller text first: it also loads the name lists and compiles the code, which the larger run then does not pay.
        TimeSpan small = CpuTime(() => Assert.DoesNotContain(NewsAnalyzer.Analyze(oneMegabyte).Checks, c => c.Rule == "analysis-failed"));
        TimeSpan large = CpuTime(() => Assert.DoesNotContain(NewsAnalyzer.Analyze(tenMegabytes).Checks, c => c.Rule == "analysis-failed"));
        // Linear time: ten times the text costs about ten times the work; a quadratic step would cost a hundred times.
        // The floor of one second keeps a very fast small run from making the ratio meaningless.
        double ratio = large.TotalSeconds / Math.Max(small.TotalSeconds, 1.0);
        output.WriteLine($"CPU time of the analysing thread: 1 MB {small.TotalSeconds:F2} s, 10 MB {large.TotalSeconds:F2} s");
        Assert.True(ratio < 30, $"1 MB took {small.TotalSeconds:F1} s CPU, 10 MB {large.TotalSeconds:F1} s CPU");
        Assert.True(large < TimeSpan.FromSeconds(60), $"10 MB took {large.TotalSeconds:F1} s CPU");
    }

    [Fact]
    public void OneHugeParagraphWithoutPunctuation()
    {
        string text = string.Concat(Enumerable.Repeat("Alpha Beta Gamma Delta \"quote ", 200_000));
        TimeSpan cpu = CpuTime(() => NewsAnalyzer.Analyze(text));
        Assert.True(cpu < TimeSpan.FromSeconds(60), $"took {cpu.TotalSeconds:F1} s CPU");
    }

    private static string Junk(int length)
    {
        var builder = new StringBuilder(length + 128);
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
        while (builder.Length < length)
        {
            builder.Append(pieces[i++ % pieces.Length]);
        }
        return builder.ToString();
    }

    /// <summary>CPU time the current thread spends in the action (Linux); elsewhere the process's, which other tests may add to.</summary>
    private static TimeSpan CpuTime(Action action)
    {
        TimeSpan before = ThreadCpuTime();
        action();
        return ThreadCpuTime() - before;
    }

    private static TimeSpan ThreadCpuTime()
    {
        const string stat = "/proc/thread-self/stat";
        if (File.Exists(stat))
        {
            // Fields after the command name in brackets: state is the third field, utime the 14th, stime the 15th,
            // both in clock ticks (USER_HZ, 100 a second on Linux).
            string line = File.ReadAllText(stat);
            string[] fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}