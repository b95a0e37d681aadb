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
    public void Statements_in_steady_use_stay_prepared_while_many_others_pass_through()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var connection = pool.Rent();
        Assert.Equal(3L, Count(connection));
        var made = connection.CommandsMade;
        var passing = StatementReusingConnection.Kept + 44;

        for (var i = 0; i < passing; i++)
        {
            // A search's varying text, and between searches the pages' fixed statement.
            Assert.Equal(3L - Math.Min(i, 3), Scalar(connection, $"SELECT count(*) FROM Stories WHERE Id > {i}"));
            if (i % 50 == 0)
            {
                Assert.Equal(3L, Count(connection));
            }
        }
        Assert.Equal(3L, Count(connection));

        // Every passing text was made once, the steady one never again; the shelf stayed full, not larger.
        Assert.Equal(made + passing, connection.CommandsMade);
        Assert.Equal(StatementReusingConnection.Kept, connection.KeptStatements);
        Assert.Equal(passing + 1 - StatementReusingConnection.Kept, connection.Evicted);
        pool.Return(connection);
        Assert.Same(connection, pool.Rent());
    }

    [Fact]
    public void The_statement_unused_longest_is_finalized_to_make_room()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var connection = pool.Rent();
        var first = connection.Take("SELECT count(*) FROM Stories WHERE Id = 1");
        Assert.Equal(1L, (long)first.Command.ExecuteScalar()!);
        var disposed = false;
        first.Command.Disposed += (_, _) => disposed = true;
        connection.Give(first);

        for (var i = 0; i < StatementReusingConnection.Kept - 1; i++)
        {
            Scalar(connection, $"SELECT {i}");
        }
        Assert.False(disposed);
        Assert.Equal(StatementReusingConnection.Kept, connection.KeptStatements);

        Scalar(connection, "SELECT -1");
        Assert.True(disposed);
        Assert.Equal(1, connection.Evicted);
        var again = connection.Take("SELECT count(*) FROM Stories WHERE Id = 1");
        Assert.NotSame(first, again);
        Assert.Equal(1L, (long)again.Command.ExecuteScalar()!);
        connection.Give(again);
        pool.Return(connection);
    }

    [Fact]
    public void A_statement_lent_out_is_not_finalized_while_others_crowd_the_shelf()
    {
        using var pool = new OpenSqliteConnections(connectionString, "PRAGMA mmap_size = 0;");
        var connection = pool.Rent();
        const string Sql = "SELECT Id FROM Stories ORDER BY Id";
        connection.Give(connection.Take(Sql));
        var lent = connection.Take(Sql);
        var disposed = false;
        lent.Command.Disposed += (_, _) => disposed = true;

        using (var reader = lent.Command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(1L, reader.GetInt64(0));
            // The shelf fills twice over while the read is still running.
            for (var i = 0; i < 2 * StatementReusingConnection.Kept; i++)
            {
                Scalar(connection, $"SELECT {i}");
            }
            Assert.False(disposed);
            Assert.True(reader.Read());
            Assert.Equal(2L, reader.GetInt64(0));
        }
        Assert.False(connection.IsClean);
        connection.Give(lent);

        // Given back, it is the newest on the shelf, the one the next user of its text gets.
        Assert.False(disposed);
        Assert.True(connection.IsClean);
        Assert.Equal(StatementReusingConnection.Kept, connection.KeptStatements);
        var again = connection.Take(Sql);
        Assert.Same(lent, again);
        connection.Give(again);
        pool.Return(connection);
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

    private static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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