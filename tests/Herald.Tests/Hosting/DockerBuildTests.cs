using System.Diagnostics;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// Builds the image from the Dockerfile where a Docker engine answers. Where none does (CI and
/// development machines without one), the test skips and says so: an engine is not something
/// the test run can install.
/// </summary>
[Trait("Tier", "Slow")]
public sealed class DockerBuildTests
{
    [SkippableFact]
    public async Task The_dockerfile_builds_an_image_that_runs_as_a_non_root_user()
    {
        var engine = await RunAsync(TimeSpan.FromSeconds(20), "version", "--format", "{{.Server.Version}}");
        Skip.If(engine.Exit != 0, $"No Docker engine answers here ({LastLine(engine.Output)}); the Dockerfile was not built.");

        var tag = $"herald-test:{Guid.NewGuid():N}";
        var build = await RunAsync(TimeSpan.FromMinutes(20), "build", "--tag", tag, RepositoryPaths.Root);
        try
        {
            Assert.True(build.Exit == 0, build.Output);
            var user = await RunAsync(TimeSpan.FromMinutes(1), "image", "inspect", "--format", "{{.Config.User}}|{{json .Config.Healthcheck.Test}}", tag);
            Assert.StartsWith("app|", user.Output.Trim());
            Assert.Contains("/healthz/ready", user.Output);
        }
        finally
        {
            await RunAsync(TimeSpan.FromMinutes(1), "image", "rm", "--force", tag);
        }
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static async Task<(int Exit, string Output)> RunAsync(TimeSpan limit, params string[] args)
    {
        ProcessStartInfo start = new("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "the docker command is not installed");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"docker {args[0]} did not finish within {limit}");
            }
            return (process.ExitCode, await output + await errors);
        }
    }
}