using System.Diagnostics;
using System.Text;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.Import;

/// <summary>The herald import as an operator runs it, and as an operator interrupts it.</summary>
public static class CommandLineImport
{
    /// <summary>An import runs as long as it needs: 100,000 posts take many minutes on a busy machine.</summary>
    public static Task<HeraldProcess.Outcome> RunAsync(params string[] args) => HeraldProcess.RunAsync(Timeout.InfiniteTimeSpan, args);

    /// <summary>
    /// Starts an import and kills it once its progress lines show <paramref name="killAfterItems"/>
    /// items done: an operator's Ctrl-C or a crash, mid-way through the posts.
    /// </summary>
    public static async Task<string> RunAndKillAsync(int killAfterItems, params string[] args)
    {
        using var process = Process.Start(HeraldProcess.StartInfo(args))!;
        var seen = new StringBuilder();
        _ = process.StandardOutput.ReadToEndAsync();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            seen.AppendLine(line);
            if (line.StartsWith("items: ", StringComparison.Ordinal) && int.Parse(line[7..line.IndexOf('/')]) >= killAfterItems)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }
        await process.WaitForExitAsync();
        return seen.ToString();
    }
}