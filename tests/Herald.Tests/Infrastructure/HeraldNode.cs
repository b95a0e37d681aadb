using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// One node of a site: `herald serve` in a child process on a free loopback port, with the
/// settings an operator would give it in its environment. It can be killed as a crash would
/// (SIGKILL), and its output is kept for the failure message of a test.
/// </summary>
public sealed class HeraldNode : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly TempFolder folder;
    private readonly StringBuilder output = new();

    private HeraldNode(string name, Process process, TempFolder folder, int port)
    {
        Name = name;
        this.process = process;
        this.folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    public bool Running => !process.HasExited;

    /// <summary>The node's process id, to look at what it holds (/proc/{id}).</summary>
    public int ProcessId => process.Id;

    /// <summary>What the node wrote so far (its last 64 KB).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the node and waits until /healthz/ready answers 200.</summary>
    public static async Task<HeraldNode> StartAsync(string name, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var port = FreePort();
        var folder = new TempFolder($"herald-node-{name}");
        var start = HeraldProcess.StartInfo(["serve", "--urls", $"http://127.0.0.1:{port}", .. args]);
        start.WorkingDirectory = folder.Path;
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }
        var node = new HeraldNode(name, Process.Start(start)!, folder, port);
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartPatience)
        {
            if (!node.Running)
            {
                var why = node.Output;
                await node.DisposeAsync();
                throw new InvalidOperationException($"herald node {name} stopped while starting:\n{why}");
            }
            try
            {
                if ((await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        var last = node.Output;
        await node.DisposeAsync();
        throw new TimeoutException($"herald node {name} was not ready within {StartPatience}:\n{last}");
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown, no finished requests, as a crash or a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (Running)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        folder.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > 64 * 1024)
            {
                output.Remove(0, output.Length - (48 * 1024));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}