using System.Data;
using System.Data.Common;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.WordPress.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Storage;

/// <summary>
/// Bulk commands (import, export) keep their SQLite connections open from one scope to the next, as a
/// server does, so that the statements an import's batch prepared serve the next batch. What one scope
/// leaves behind must not reach the next: a connection handed back inside a transaction is closed
/// (which rolls the transaction back), and what a bulk command committed is what a server reads.
/// </summary>
public sealed class BulkConnectionTests : IDisposable
{
    private readonly TempFolder folder = new("herald-bulk");

    private string File(string name) => Path.Combine(folder.Path, name);

    private static ServiceProvider Bulk(string file) => new ServiceCollection().AddLogging()
        .AddHeraldStorage(DatabaseConnection.Parse($"Data Source={file}"), DatabaseWorkload.Bulk).BuildServiceProvider();

    [Fact]
    public async Task The_next_scope_of_a_bulk_command_gets_the_same_open_connection_with_the_bulk_page_cache()
    {
        await using var services = Bulk(File("kept.db"));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        DbConnection first;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            Assert.Equal(0, await db.Articles.CountAsync());
            first = db.Database.GetDbConnection();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            Assert.Equal(0, await db.Articles.CountAsync());
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Equal(ConnectionState.Open, first.State);
            using var pragma = first.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size";
            Assert.Equal(-(long)SqliteConnectionTuning.BulkCacheKiB, Convert.ToInt64(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_transaction_a_scope_forgot_is_rolled_back_with_its_context_and_the_connection_kept()
    {
        var (left, next) = await LeaveATransactionOpenAsync(File("forgot.db"), (db, _) => db.Database.BeginTransactionAsync());
        Assert.Same(left, next);
    }

    /// <summary>A transaction the context does not know of (begun on the connection itself) survives the context: the pool closes that connection.</summary>
    [Fact]
    public async Task A_connection_handed_back_inside_a_transaction_is_closed_and_the_next_scope_gets_another()
    {
        var (left, next) = await LeaveATransactionOpenAsync(File("dropped.db"), async (_, connection) => await connection.BeginTransactionAsync());
        Assert.NotSame(left, next);
        Assert.Equal(ConnectionState.Closed, left.State);
    }

    /// <summary>
    /// Writes a journal row in a transaction that one scope begins and never ends; then checks that the next scope
    /// sees no trace of it, stands in no transaction, and can commit a write of its own (nothing holds the lock).
    /// Returns the two scopes' connections.
    /// </summary>
    private async Task<(DbConnection Left, DbConnection Next)> LeaveATransactionOpenAsync(string file, Func<HeraldDbContext, DbConnection, Task> begin)
    {
        await using var services = Bulk(file);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        DbConnection left, next;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await db.Database.OpenConnectionAsync();
            left = db.Database.GetDbConnection();
            await begin(db, left);
            await using var insert = left.CreateCommand();
            insert.CommandText = """INSERT INTO "CacheInvalidations" ("WrittenAt", "Tags") VALUES ('2026-12-07 00:00:00', 'left-behind')""";
            await insert.ExecuteNonQueryAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            Assert.Equal(0, await db.Set<CacheInvalidation>().CountAsync(c => c.Tags == "left-behind"));
            next = db.Database.GetDbConnection();
            Assert.Null(db.Database.CurrentTransaction);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new CacheInvalidation { WrittenAt = DateTime.UtcNow, Tags = "committed" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(["committed"], ReadColumn(file, """SELECT "Tags" FROM "CacheInvalidations" ORDER BY "Id" """));
        return (left, next);
    }

    /// <summary>
    /// The operator's import, analysis included (its own process, bulk connections kept open through every
    /// batch), into a fresh file; then a server on the same file reads every row the import wrote.
    /// </summary>
    [Fact]
    [Trait("Tier", "Slow")]
    public async Task A_server_reads_every_row_an_import_wrote_into_a_fresh_file()
    {
        var export = File("export.xml");
        var counts = WxrGenerator.Write(export, 60);
        var file = File("imported.db");

        var import = await CommandLineImport.RunAsync("import", "wxr", export, "--batch-size", "25", "--db", $"Data Source={file}");
        Assert.True(import.Exit == 0, import.Errors);
        Assert.Contains($"Analysed {counts.Posts} stories", import.Output);

        string[] tables = ["Articles", "IndexedArticles", "ArticleTerms", "RelatedArticles", "TermFrequencies", "Comments", "ImportedItems"];
        var onDisk = tables.ToDictionary(t => t, t => ReadColumn(file, $"""SELECT COUNT(*) FROM "{t}" """).Single());
        Assert.Equal(counts.Posts.ToString(System.Globalization.CultureInfo.InvariantCulture), onDisk["IndexedArticles"]);
        Assert.NotEqual("0", onDisk["RelatedArticles"]);

        await using var site = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={file}"), demo: false);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            await db.Database.OpenConnectionAsync();
            foreach (var table in tables)
            {
                await using var count = db.Database.GetDbConnection().CreateCommand();
                count.CommandText = $"""SELECT COUNT(*) FROM "{table}" """;
                Assert.Equal(onDisk[table], Convert.ToString(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        using var reader = site.CreateClient();
        var (_, home) = await reader.GetPageAsync("/");
        Assert.NotEmpty(home.ArticleLinks());
    }

    /// <summary>Read with a connection of its own, outside any pool, as another program would.</summary>
    private static List<string> ReadColumn(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var values = new List<string>();
        while (rows.Read())
        {
            values.Add(Convert.ToString(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}