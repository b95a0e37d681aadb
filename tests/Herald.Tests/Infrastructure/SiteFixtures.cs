using Herald.Hosting;
using Herald.Storage;

namespace Herald.Tests.Infrastructure;

/// <summary>One demo site per provider, shared by the tests of a class.</summary>
public abstract class SiteFixture : IAsyncLifetime
{
    public HeraldTestServer? Server { get; private set; }

    /// <summary>Why the site could not start here (no PostgreSQL, say); empty when it runs.</summary>
    public string Unavailable { get; protected set; } = "";

    public HeraldTestServer RequireServer()
    {
        RequiredService.SkipUnlessAvailable(Server is not null, Unavailable);
        return Server!;
    }

    protected abstract Task<DatabaseConnection?> CreateDatabaseAsync();

    protected virtual bool OutputCache => true;

    /// <summary>The site seeds its own demo rather than start as a copy: for tests that watch seeding itself.</summary>
    protected virtual bool SeedsItself => false;

    /// <summary>Settings a fixture changes for its tests (comment word lists, say), applied after Herald's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Serve settings a fixture changes (a mail server, say), as an operator would give them.</summary>
    protected virtual ServeOptions AdjustOptions(ServeOptions options) => options;

    public virtual async Task InitializeAsync()
    {
        if (await CreateDatabaseAsync() is { } database)
        {
            Server = SeedsItself
                ? await HeraldTestServer.StartAsync(database, demo: true, outputCache: OutputCache, configureServices: ConfigureServices, adjust: AdjustOptions)
                : await HeraldTestServer.StartDemoCopyAsync(database, outputCache: OutputCache, configureServices: ConfigureServices, adjust: AdjustOptions);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

public class SqliteSiteFixture : SiteFixture
{
    private readonly TempFolder folder = new("herald-sqlite");

    protected override Task<DatabaseConnection?> CreateDatabaseAsync() =>
        Task.FromResult<DatabaseConnection?>(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

public class PostgresSiteFixture : SiteFixture
{
    private string? connectionString;

    protected override async Task<DatabaseConnection?> CreateDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        if (server is null)
        {
            Unavailable = PostgresServer.Unavailable;
            return null;
        }
        connectionString = server.NewDatabase("site");
        return DatabaseConnection.Parse(connectionString);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            // The site's idle connections would otherwise hold server slots other tests need.
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}