using System.Net;
using System.Net.Sockets;
using System.Text;
using Herald.Hosting;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>Whatever arrives on the wire, the answer is a 4xx page or a normal page — never a 500 or a trace.</summary>
public sealed class HostileRequestTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    public static TheoryData<string> HostilePaths => new()
    {
        "/%zz",
        "/%",
        "/2026/11/%E0%A4%A",
        "/2026/11/%C3%28",
        "/category/%00",
        "/tag/%ff%fe",
        "/2026/13/x",
        "/9999/12",
        "/0/1/x",
        "/2026/11/" + new string('a', 300),
        "/category/" + new string('x', 500),
        "/author/'%20OR%201=1--",
        "/tag/<script>alert(1)</script>",
        "/?page=1'%20OR%20'1'='1",
        "/?page=%00",
        "/error/999",
        "/error/-1",
        "/../../etc/passwd",
        "/media/../herald.db",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task Hostile_paths_get_a_4xx_or_a_page_never_a_500(string path)
    {
        using var client = fixture.RequireServer().CreateClient();
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("<script>alert(1)", body);
    }

    [Fact]
    public async Task An_over_long_path_gets_414()
    {
        using var client = fixture.RequireServer().CreateClient();
        var response = await client.GetAsync("/" + new string('a', 2000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("too long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_over_long_query_gets_a_414_page_not_kestrels_empty_answer()
    {
        using var client = fixture.RequireServer().CreateClient();
        var response = await client.GetAsync("/search?q=" + new string('q', RequestGuardMiddleware.MaxTargetLength + 100));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("too long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_cookies_get_a_431_page_that_says_what_to_do()
    {
        using var client = fixture.RequireServer().CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        for (var i = 0; i < 10; i++)
        {
            request.Headers.Add("Cookie", $"tracker{i}={new string('c', 4000)}");
        }
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Contains("cookies", await response.Content.ReadAsStringAsync());
        // An ordinary request on the same server still gets its page.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Broken_percent_encoding_gets_a_400_page()
    {
        // Sent raw: HttpClient would politely re-escape the stray percent sign.
        var response = await SendRawAsync(Encoding.ASCII.GetBytes("/%zz"));

        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("could not be understood", response);
    }

    [Fact]
    public async Task Invalid_utf8_on_the_wire_gets_a_4xx()
    {
        var response = await SendRawAsync([.. Encoding.ASCII.GetBytes("/category/"), 0xC3, 0x28, 0xFF]);

        Assert.Matches(@"^HTTP/1\.1 4\d\d", response);
    }

    private async Task<string> SendRawAsync(byte[] target)
    {
        var server = fixture.RequireServer();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var stream = tcp.GetStream();
        byte[] request = [.. "GET "u8, .. target, .. " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"u8];
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Security_headers_forbid_third_party_content()
    {
        using var client = fixture.RequireServer().CreateClient();
        var response = await client.GetAsync("/");

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}