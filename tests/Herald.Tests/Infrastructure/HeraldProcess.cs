using System.Diagnostics;

namespace Herald.Tests.Infrastructure;

/// <summary>The built herald executable in a child process, as an operator runs it.</summary>
public static class HeraldProcess
{
    public static readonly string HeraldDll = Path.Combine(AppContext.BaseDirectory, "herald.dll");

    /// <summary>
    /// Generous: on a shared two-core machine a cold start of the executable alone can take a
    /// minute, and an import builds every index as it goes. Only a hung process reaches it.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

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
        // The tests name their database; one from the environment must not leak in.
        start.Environment.Remove("HERALD_DB");
        return start;
    }

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(Patience, args);

    /// <summary>Runs herald with <paramref name="input"/> on its standard input, as a shell pipe gives it.</summary>
    public static async Task<Outcome> RunWithInputAsync(string input, params string[] args)
    {
        var start = StartInfo(args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"herald {string.Join(' ', args)} did not finish within {Patience}.");
        }
        return new Outcome(process.ExitCode, await output, await errors);
    }

    /// <summary>Runs herald, killing it (and failing) if it is still running after <paramref name="patience"/>.</summary>
    public static async Task<Outcome> RunAsync(TimeSpan patience, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"herald {string.Join(' ', args)} did not finish within {patience}.");
        }
        return new Outcome(process.ExitCode, await output, await errors);
    }
}