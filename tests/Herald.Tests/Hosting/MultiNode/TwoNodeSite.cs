using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Hosting.MultiNode;

/// <summary>
/// A site on two nodes, as docs/operations.md runs one: two `herald serve` processes on one
/// PostgreSQL database (a copy of the demo newsroom) and one Redis, media in the database, and
/// nginx balancing them round-robin with deploy/compose/nginx.conf. One administrator exists.
/// </summary>
public sealed class TwoNodeSite : IAsyncLifetime
{
    public const string Email = "chief@example.org";
    public const string Password = "two nodes, one newsroom";

    private RedisServer? redis;

    public HeraldNode A { get; private set; } = null!;
    public HeraldNode B { get; private set; } = null!;
    public NginxProxy Nginx { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>Why the site cannot run here (no PostgreSQL, Redis or nginx); empty when it runs.</summary>
    public string Unavailable { get; private set; } = "";

    public TwoNodeSite Require()
    {
        RequiredService.SkipUnlessAvailable(Unavailable.Length == 0, Unavailable);
        return this;
    }

    public async Task InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        if (postgres is null || !RedisServer.Available || !File.Exists(NginxProxy.Binary))
        {
            Unavailable = postgres is null ? PostgresServer.Unavailable
                : !RedisServer.Available ? $"Redis is not installed at {RedisServer.Binary}; install Debian's redis-server package."
                : $"nginx is not installed at {NginxProxy.Binary}; install Debian's nginx package.";
            return;
        }
        redis = await RedisServer.StartAsync();
        var database = DatabaseConnection.Parse(postgres.NewDatabase("nodes"));
        await DemoDatabases.CopyIntoAsync(database);
        ConnectionString = database.ConnectionString;
        var added = await HeraldProcess.RunAsync("user", "add", Email, "--role", "Administrator", "--password", Password, "--db", ConnectionString);
        Assert.True(added.Exit == 0, added.Errors);

        var environment = new Dictionary<string, string>
        {
            ["HERALD_DB"] = ConnectionString,
            ["HERALD_REDIS"] = redis.Configuration,
            ["HERALD_MEDIA_STORE"] = "database",
            // The demo articles have fixed dates; comments on them stay open for the tests.
            ["Comments__CloseAfterDays"] = "3650",
        };
        // One after the other, as the compose file starts them: the first makes the site's key.
        A = await HeraldNode.StartAsync("a", environment);
        B = await HeraldNode.StartAsync("b", environment);
        Nginx = await NginxProxy.StartBalancerAsync(A.Address, B.Address);
    }

    public async Task DisposeAsync()
    {
        if (Unavailable.Length > 0)
        {
            return;
        }
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        redis?.Dispose();
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A signed-in newsroom browser: one cookie jar, a session at each node.</summary>
    public async Task<(NewsroomSession OnA, NewsroomSession OnB)> SignInAsync()
    {
        var cookies = new CookieContainer();
        var onA = NewsroomSession.At(A.Address, cookies);
        var signIn = await onA.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = Email, ["Form.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (onA, NewsroomSession.At(B.Address, cookies));
    }

    /// <summary>A browser at its own loopback address (127.x.y.z), as a reader elsewhere on the internet.</summary>
    public static HttpClient Reader(Uri address, IPAddress source, CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies ?? new CookieContainer(),
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        BaseAddress = address,
    };

    /// <summary>The fields a browser would send with the form as the page shows it.</summary>
    public static Dictionary<string, string> FieldsOf(IDocument page, string form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in page.QuerySelectorAll($"{form} input[name], {form} textarea[name], {form} select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields[name] = box.Value;
                    }
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }
}