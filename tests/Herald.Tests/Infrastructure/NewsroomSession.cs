using System.Net;
using Herald.Accounts;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A browser-like client for the newsroom: keeps cookies, reads the anti-forgery token from
/// each form and posts it back, as a person's browser would.
/// </summary>
public sealed class NewsroomSession : IDisposable
{
    private readonly HttpClient client;

    private NewsroomSession(HttpClient client) => this.client = client;

    public HttpClient Client => client;

    public static NewsroomSession Anonymous(HeraldTestServer server) => new(new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        AutomaticDecompression = DecompressionMethods.All,
        // An upload sent with Expect: 100-continue waits for the server's word before its body;
        // the default second is too short on a busy machine, and a refused body then breaks the pipe.
        Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = server.Address,
    });

    /// <summary>A browser at any address (a node of a site, a proxy), sharing its cookies with other sessions given the same jar.</summary>
    public static NewsroomSession At(Uri address, CookieContainer cookies) => new(new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies,
        AutomaticDecompression = DecompressionMethods.All,
        Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
    })
    {
        BaseAddress = address,
    });

    /// <summary>A browser on another machine, as far as the server can tell: it connects from its own loopback address (127.x.y.z).</summary>
    public static NewsroomSession From(HeraldTestServer server, IPAddress source, CookieContainer? cookies = null) => new(new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies ?? new CookieContainer(),
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        BaseAddress = server.Address,
    });

    /// <summary>Creates an account with the role (once per e-mail) and signs it in.</summary>
    public static async Task<NewsroomSession> SignInAsync(HeraldTestServer server, string email, string role, string password = "correct horse battery")
    {
        await CreateUserAsync(server, email, role, password);
        var session = Anonymous(server);
        var response = await session.PostFormAsync("/newsroom/login", new()
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static async Task CreateUserAsync(HeraldTestServer server, string email, string role, string password)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HeraldUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, role, password, null, CancellationToken.None);
        }
    }

    /// <summary>GETs the form's page for its anti-forgery token, then POSTs the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, page) = await client.GetPageAsync(formPage ?? path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage ?? path} has no anti-forgery token.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    public void Dispose() => client.Dispose();
}