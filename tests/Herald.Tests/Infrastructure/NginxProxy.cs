using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Debian's nginx terminating TLS in front of a Herald on loopback, configured with the very
/// file docs/operations.md gives (deploy/nginx/herald.conf): only its name, ports and
/// certificate paths are changed, and each change is checked to have happened.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private readonly Process process;
    private readonly TempFolder folder;

    private NginxProxy(Process process, TempFolder folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProxy> StartAsync(Uri herald)
    {
        RequiredService.SkipUnlessAvailable(File.Exists(Binary), $"nginx is not installed at {Binary}; install Debian's nginx package.");
        var folder = new TempFolder("herald-nginx");
        var (certificate, key) = await TestCertificate.CreateAsync(folder.Path);
        var httpsPort = FreePort();
        var httpPort = FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "herald.conf"));
        site = Replace(site, "server 127.0.0.1:5000;", $"server 127.0.0.1:{herald.Port};");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Replace(site, "listen [::]:80;", "");
        site = Replace(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        site = Replace(site, "listen [::]:443 ssl http2;", "");
        site = Replace(site, "/etc/letsencrypt/live/news.example.org/fullchain.pem", certificate);
        site = Replace(site, "/etc/letsencrypt/live/news.example.org/privkey.pem", key);
        return await LaunchAsync(folder, site, httpsPort, new Uri($"https://127.0.0.1:{httpsPort}"));
    }

    /// <summary>
    /// nginx balancing two Herald nodes round-robin over plain HTTP with deploy/compose/nginx.conf,
    /// the compose file's own: only the node addresses and the port are changed, and one header
    /// added (X-Herald-Upstream: the nodes nginx tried, in order) so a test can tell which node answered.
    /// </summary>
    public static async Task<NginxProxy> StartBalancerAsync(Uri first, Uri second)
    {
        RequiredService.SkipUnlessAvailable(File.Exists(Binary), $"nginx is not installed at {Binary}; install Debian's nginx package.");
        var folder = new TempFolder("herald-nginx");
        var port = FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "compose", "nginx.conf"));
        site = Replace(site, "server herald-a:8080 ", $"server 127.0.0.1:{first.Port} ");
        site = Replace(site, "server herald-b:8080 ", $"server 127.0.0.1:{second.Port} ");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{port};");
        site = Replace(site, "    location / {\n", "    location / {\n        add_header X-Herald-Upstream $upstream_addr always;\n");
        return await LaunchAsync(folder, site, port, new Uri($"http://127.0.0.1:{port}"));
    }

    private static async Task<NginxProxy> LaunchAsync(TempFolder folder, string site, int port, Uri address)
    {
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "herald.conf"), site);
        var temp = folder.Path;
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{temp}}/nginx.pid;
            error_log {{temp}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{temp}}/herald.conf;
            }
            """);

        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", temp, "-c", Path.Combine(temp, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        var proxy = new NginxProxy(process, folder, address);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped at once: {await errors} {ReadLog(temp)}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await proxy.DisposeAsync();
        throw new InvalidOperationException($"nginx did not listen within 20 seconds: {ReadLog(temp)}");
    }

    /// <summary>A client that trusts the throw-away certificate, as a browser told to would.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = Address,
    };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        folder.Dispose();
    }

    private static string Replace(string text, string from, string to)
    {
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The nginx configuration under deploy/ no longer contains \"{from}\"; update the test with the file.");
        }
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static string ReadLog(string folder)
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}