using System.Net;
using System.Net.Sockets;
using Herald.Comments;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Comments;

/// <summary>
/// One reader's browser: its own cookie jar and its own loopback source address (127.0.x.y), so
/// the per-address rate limit and the keyed client hash see each test's visitor apart. It sends
/// the Origin and Sec-Fetch-Site headers every current browser sends with a form post.
/// </summary>
public sealed class Visitor : IDisposable
{
    private static int nextHost = 10;

    private Visitor(HeraldTestServer server, HttpClient client, CookieContainer cookies, IPAddress address)
    {
        Server = server;
        Client = client;
        Cookies = cookies;
        Address = address;
    }

    public HeraldTestServer Server { get; }
    public HttpClient Client { get; }
    public CookieContainer Cookies { get; }
    public IPAddress Address { get; }

    public static Visitor Create(HeraldTestServer server)
    {
        var host = Interlocked.Increment(ref nextHost);
        var address = IPAddress.Parse($"127.0.{host / 200}.{(host % 200) + 20}");
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new Visitor(server, new HttpClient(handler) { BaseAddress = server.Address }, cookies, address);
    }

    /// <summary>Posts the form as a browser on the article page would: same-origin headers, a stamp 30 s old.</summary>
    public async Task<HttpResponseMessage> PostAsync(CommentPost post, bool sameOriginHeaders = true)
    {
        var fields = await post.ToFieldsAsync(Server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/comments") { Content = new FormUrlEncodedContent(fields) };
        if (sameOriginHeaders)
        {
            request.Headers.Add("Origin", Server.Address.GetLeftPart(UriPartial.Authority));
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
        }
        return await Client.SendAsync(request);
    }

    /// <summary>Posts and returns the id of the stored comment, from the redirect that follows success.</summary>
    public async Task<int> PostAcceptedAsync(CommentPost post)
    {
        var response = await PostAsync(post);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = location.Contains('#') ? location[(location.IndexOf("#comment-", StringComparison.Ordinal) + 9)..] : location.Split('/')[2];
        return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>The fields of one "Leave a Reply" post. Started null means a valid stamp 30 seconds old.</summary>
public sealed record CommentPost(int ArticleId, string? Body, string? Name = "Ada Reader", string? Email = "ada@example.org")
{
    public string? Website { get; init; }
    public int? ParentId { get; init; }
    public bool Remember { get; init; }
    public string? Homepage { get; init; }
    public string? Started { get; init; }
    public string? Token { get; init; }

    public async Task<Dictionary<string, string>> ToFieldsAsync(HeraldTestServer server)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.ArticleId"] = ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Body"] = Body ?? "",
            ["Form.Name"] = Name ?? "",
            ["Form.Email"] = Email ?? "",
            ["Form.Website"] = Website ?? "",
            ["Form.ParentId"] = ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Form.Homepage"] = Homepage ?? "",
            ["Form.Started"] = Started ?? await CommentData.StampAsync(server, TimeSpan.FromSeconds(30)),
            ["Form.Token"] = Token ?? "",
        };
        if (Remember)
        {
            fields["Form.Remember"] = "true";
        }
        return fields;
    }
}