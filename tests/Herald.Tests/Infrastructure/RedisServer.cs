using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server on a free loopback port, owned by one test: it can be stopped and
/// started again on the same port. Nothing is written to disk.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Binary = "/usr/bin/redis-server";
    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static bool Available => File.Exists(Binary);

    public static async Task<RedisServer> StartAsync()
    {
        RequiredService.SkipUnlessAvailable(Available, $"Redis is not installed at {Binary}; install Debian's redis-server package.");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new RedisServer(port);
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 20 seconds.");
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public void Dispose() => StopAsync().GetAwaiter().GetResult();
}