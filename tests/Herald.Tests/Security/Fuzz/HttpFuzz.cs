using System.Diagnostics;
using System.Net;

namespace Herald.Tests.Security.Fuzz;

/// <summary>What every answer to a hostile request must be, whatever the door.</summary>
public static class HttpFuzz
{
    /// <summary>
    /// Generous: a request that is refused early costs milliseconds. This catches work that grows
    /// without bound (a quadratic parse, a regex that backtracks), not a slow machine. It is the
    /// whole test process's CPU, server included, so other tests running beside it only add to it.
    /// </summary>
    public static readonly TimeSpan CpuCap = TimeSpan.FromSeconds(30);

    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, string name)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        process.Refresh();
        var cost = process.TotalProcessorTime - before;
        Assert.True(cost < CpuCap, $"{name}: {cost.TotalSeconds:0.0} s of CPU");
        AssertClear(response, body, name);
        return (response, body);
    }

    /// <summary>A 2xx, a redirect or a 4xx, never a 5xx, and no stack trace or exception name in what the person sees.</summary>
    public static void AssertClear(HttpResponseMessage response, string body, string name)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{name}: answered {status}");
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        // Kestrel answers a request line or headers over its limits itself, before Herald runs: the status says it all.
        if (status >= 400 && response.StatusCode is not (HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge))
        {
            // A refusal says something: Herald's error page, the form with its problem, or a JSON message.
            Assert.True(body.Length > 0, $"{name}: answered {status} with an empty body");
        }
    }
}