using System.Diagnostics;

namespace Herald.Tests.WordPress.Export;

/// <summary>The built herald executable in a child process, as an operator runs it.</summary>
public static class HeraldProcess
{
    private static readonly string HeraldDll = Path.Combine(AppContext.BaseDirectory, "herald.dll");

    public static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HeraldDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("HERALD_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Generous: the machine is shared, and an import builds every index as it goes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}