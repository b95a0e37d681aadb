using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// CPU time spent by the calling thread, for bounding one hostile input's cost without timing
/// the wall clock (which other tests and other engineers' builds stretch at will). Linux reads the
/// thread's own clock; elsewhere the process's CPU time stands in, an upper bound.
/// </summary>
public static class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Runs <paramref name="work"/> on this thread and returns what it cost in CPU time.</summary>
    public static TimeSpan Of(Action work)
    {
        var before = Now();
        work();
        return Now() - before;
    }

    private static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
        {
            return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
        }
        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
}