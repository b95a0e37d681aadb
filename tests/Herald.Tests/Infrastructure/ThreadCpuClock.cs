using System.Diagnostics;
using System.Globalization;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// CPU time spent by the calling thread, for tests that bound the cost of synchronous work: unlike a
/// stopwatch it does not grow when the machine is busy with other work, so a bound on it fails only
/// when the work itself costs more. Linux only; elsewhere the process's CPU time, which other tests
/// running at once add to.
/// </summary>
public static class ThreadCpuClock
{
    /// <summary>The CPU time <paramref name="action"/> took on this thread (10 ms resolution on Linux).</summary>
    public static TimeSpan Measure(Action action)
    {
        var before = Now();
        action();
        return Now() - before;
    }

    private static TimeSpan Now()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }
        // After the command name in brackets: utime and stime are the 12th and 13th fields, in clock ticks (100 a second).
        var line = File.ReadAllText(stat);
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}