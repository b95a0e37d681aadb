using System.Diagnostics;
using System.Globalization;

namespace Herald.WordPress.Import;

/// <summary>
/// A progress bar redrawn in place on a terminal; when the output goes to a file or a pipe,
/// a plain line every couple of seconds instead, so logs stay readable.
/// </summary>
public sealed class ImportProgress(TextWriter output, bool terminal)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private bool drawn;

    public static ImportProgress ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <param name="detail">Said after the count (how many failed, say).</param>
    public void Report(string phase, long done, long total, bool force = false, string? detail = null)
    {
        Hosting.Telemetry.HeraldMetrics.ImportProgressed(phase, done, total);
        if (!force && sinceLast.Elapsed < (terminal ? BarInterval : PlainInterval))
        {
            return;
        }
        sinceLast.Restart();
        if (total <= 0)
        {
            // The first pass does not know the total yet: a count, no bar.
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{(terminal ? "\r" : "")}{phase}: {done} items read{(terminal ? "   " : "\n")}"));
            drawn = terminal;
            output.Flush();
            return;
        }
        var share = total > 0 ? Math.Min(1.0, (double)done / total) : 1.0;
        if (terminal)
        {
            const int width = 30;
            var filled = (int)(share * width);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{phase,-12} [{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} ({share:P0}){Detail(detail)}   "));
            drawn = true;
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {done}/{total} ({share:P0}){Detail(detail)}"));
        }
        output.Flush();
    }

    private static string Detail(string? detail) => detail is null ? "" : $", {detail}";

    /// <summary>Ends the bar's line so the summary starts on a fresh one.</summary>
    public void Finish()
    {
        if (drawn)
        {
            output.WriteLine();
            drawn = false;
        }
    }
}