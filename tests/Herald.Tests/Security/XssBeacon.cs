using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Tests.Security;

/// <summary>
/// A small HTTP listener on 127.0.0.1 that payloads try to reach. A request to <c>/x/CODE</c>
/// (what the payloads' script fetches, or a script tag loads) counts as an execution of CODE;
/// any other request naming a code (a picture or style sheet pointing here) counts as a passive
/// load. It also serves the pages Herald does not: the sanity page, which shows one payload
/// unsanitised, and the feed-reader pages that show feeds' HTML fields as a feed reader would.
/// </summary>
public sealed partial class XssBeacon : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Task loop;

    public XssBeacon()
    {
        // A free port found by binding 0; HttpListener itself cannot be asked for one.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>Codes whose script reached the beacon (fetch, script src, import, beacon API).</summary>
    public ConcurrentQueue<int> Executions { get; } = new();

    /// <summary>Codes seen on any other request: pictures, style sheets, frames.</summary>
    public ConcurrentQueue<int> PassiveLoads { get; } = new();

    /// <summary>Serves HTML at a path of this listener (no content policy: a page Herald does not control).</summary>
    public string AddPage(string path, string html)
    {
        pages[path] = html;
        return Origin + path;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The browser went away mid-answer; the hit is counted already.
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "/";
        if (ExecutionPath().Match(path) is { Success: true } execution)
        {
            Executions.Enqueue(int.Parse(execution.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        else if (AnyCode().Match(path) is { Success: true } passive && !pages.ContainsKey(path))
        {
            PassiveLoads.Enqueue(int.Parse(passive.Value, CultureInfo.InvariantCulture));
        }
        var response = context.Response;
        response.Headers["Access-Control-Allow-Origin"] = "*";
        if (pages.TryGetValue(path, out var html))
        {
            var bytes = Encoding.UTF8.GetBytes(html);
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        else
        {
            response.StatusCode = 404;
        }
        response.Close();
    }

    [GeneratedRegex(@"^/x/(9\d{5})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionPath();

    [GeneratedRegex(@"(?<!\d)9\d{5}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyCode();

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}