using System.Diagnostics;
using System.Text;

namespace Herald.Tests.WordPress.Import;

/// <summary>Runs the built herald executable in a child process, as an operator would.</summary>
public static class CommandLineImport
{
    public static readonly string HeraldDll = Path.Combine(AppContext.BaseDirectory, "herald.dll");

    public sealed record Outcome(int Exit, string Output, string Errors);

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HeraldDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("HERALD_DB");
        return start;
    }

    public static async Task<Outcome> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts an import and kills it once its progress lines show <paramref name="killAfterItems"/>
    /// items done: an operator's Ctrl-C or a crash, mid-way through the posts.
    /// </summary>
    public static async Task<string> RunAndKillAsync(int killAfterItems, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
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