using System.Data.Common;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.Storage;

/// <summary>
/// The server's open SQLite connections outlive a request, so nothing one request leaves behind may
/// reach the next: above all no read left running, which would hold the connection on an old snapshot
/// of the file (WAL) and show the next reader a site without the story just published.
/// </summary>
public sealed class OpenSqliteConnectionsTests : IDisposable
{
    private readonly TempFolder folder = new("herald-open-connections");
    private readonly string connectionString;

    public OpenSqliteConnectionsTests()
    {
        connectionString = $"Data Source={Path.Combine(folder.Path, "site.db")};Pooling=False";
        using var setup = new SqliteConnection(connectionString);
        setup.Open();
        Run(setup, "PRAGMA journal_mode = WAL; CREATE TABLE Stories (Id INTEGER PRIMARY KEY); INSERT INTO Stories VALUES (1), (2), (3);");
    }

    [Fact]
    public void A_statement_is_prepared_once_and_reused_by_the_next_lease()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");

        var first = pool.Rent();
        Assert.Equal(3L, Count(first));
        pool.Return(first);
        var second = pool.Rent();
        Assert.Equal(3L, Count(second));
        pool.Return(second);

        Assert.Same(first, second);
        Assert.Equal(1, second.KeptStatements);
    }

    [Fact]
    public void A_read_left_running_does_not_show_the_next_lease_an_old_site()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var careless = pool.Rent();
        var command = ((DbConnection)careless).CreateCommand();
        command.CommandText = "SELECT Id FROM Stories ORDER BY Id";
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        // The request ends without disposing its reader or its command (an exception, an abandoned enumeration).
        pool.Return(careless);

        Publish(4);

        var next = pool.Rent();
        Assert.Equal(4L, Count(next));
        pool.Return(next);
        GC.KeepAlive(reader);
    }

    [Fact]
    public void A_connection_given_back_inside_a_transaction_is_not_lent_again()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var first = pool.Rent();
        // Begun in SQL, as a raw statement would, so the connection's own transaction object knows nothing of it.
        Run(first, "BEGIN; INSERT INTO Stories VALUES (10);");
        pool.Return(first);

        var second = pool.Rent();
        Assert.NotSame(first, second);
        Assert.Equal(3L, Count(second));
        pool.Return(second);
    }

    [Fact]
    public void Stories_written_by_another_connection_are_seen_by_a_kept_connection()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var connection = pool.Rent();
        Assert.Equal(3L, Count(connection));
        pool.Return(connection);

        Publish(5);

        connection = pool.Rent();
        Assert.Equal(4L, Count(connection));
        pool.Return(connection);
    }

    private void Publish(int id)
    {
        using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Run(writer, $"INSERT INTO Stories VALUES ({id});");
    }

    /// <summary>Through DbConnection.CreateCommand, as EF Core makes its commands.</summary>
    private static long Count(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Stories";
        return (long)command.ExecuteScalar()!;
    }

    private static void Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

/// <summary>The pool earns its keep only if requests give their connections back clean, so they are lent again.</summary>
public sealed class OpenSqliteConnectionsServerTests
{
    [Fact]
    public async Task Pages_read_one_after_another_reuse_the_same_few_connections()
    {
        using var folder = new TempFolder("herald-open-connections-site");
        await using var server = await HeraldTestServer.StartDemoCopyAsync(
            DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "site.db")}"), outputCache: false);
        using var client = new HttpClient { BaseAddress = server.Address };
        var home = await client.GetStringAsync("/");
        var article = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/20\\d\\d/\\d\\d/[a-z0-9-]+)\"").Groups[1].Value;
        Assert.NotEmpty(article);
        var pool = server.Services.GetRequiredService<OpenSqliteConnections>();
        var before = pool.Opened;

        for (var round = 0; round < 10; round++)
        {
            foreach (var path in new[] { "/", article, "/search?q=minister", "/sitemap.xml", "/feed" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            }
        }

        // 50 requests, one at a time: each must have given its connection back clean. Work the site
        // does in the background may borrow one or two more meanwhile.
        Assert.InRange(pool.Opened - before, 0, 3);
    }
}