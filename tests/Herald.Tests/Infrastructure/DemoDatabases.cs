using Herald.Demo;
using Herald.Hosting;
using Herald.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// The demo newsroom, seeded once per test run and provider by Herald's own <see cref="DemoContent"/>,
/// then handed to each test site as a copy of its own. Seeding runs Herald.Text over every
/// article and computes related articles; a copy (SQLite's online backup, PostgreSQL's
/// CREATE DATABASE ... TEMPLATE) gives each site the same rows in a fraction of that time, and
/// sites stay as isolated from each other as when each seeded its own.
/// </summary>
public static class DemoDatabases
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(SeedSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(SeedPostgresTemplateAsync);

    // PostgreSQL refuses to copy a template another session is reading; copies take turns.
    private static readonly SemaphoreSlim PostgresCopying = new(1, 1);

    // Fixtures start in parallel; SQLite copies take turns too, so no reader meets another mid-open.
    private static readonly SemaphoreSlim SqliteCopying = new(1, 1);

    /// <summary>
    /// Makes <paramref name="database"/> a copy of the seeded demo site when it does not exist yet
    /// (no SQLite file, no PostgreSQL database of that name). False when it already exists: the
    /// caller seeds it the ordinary way, which adds nothing to a site that has articles.
    /// </summary>
    public static async Task<bool> CopyIntoAsync(DatabaseConnection database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => await CopySqliteAsync(database),
        _ => await CopyPostgresAsync(database),
    };

    private static async Task<bool> CopySqliteAsync(DatabaseConnection database)
    {
        var target = database.SqliteFile;
        if (target is null || File.Exists(target))
        {
            return false;
        }
        var template = await SqliteTemplate.Value;
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        await SqliteCopying.WaitAsync();
        try
        {
            using var source = new SqliteConnection($"Data Source={Path.Combine(template, "herald.db")};Mode=ReadOnly;Pooling=False");
            using var destination = new SqliteConnection($"Data Source={target};Pooling=False");
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }
        finally
        {
            SqliteCopying.Release();
        }
        // The demo's drawn illustrations live beside the database, as Herald keeps media for SQLite.
        CopyFolder(Path.Combine(template, "media"), Path.Combine(folder, "media"));
        return true;
    }

    private static async Task<bool> CopyPostgresAsync(DatabaseConnection database)
    {
        var template = await PostgresTemplate.Value;
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await PostgresCopying.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection))
            {
                exists.Parameters.AddWithValue("name", name);
                if ((long)(await exists.ExecuteScalarAsync())! > 0)
                {
                    return false;
                }
            }
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
            return true;
        }
        finally
        {
            PostgresCopying.Release();
        }
    }

    private static async Task<string> SeedSqliteTemplateAsync()
    {
        // Kept for the whole run in the temp folder, under a name of this process. The test host
        // is often ended without running exit handlers, so each run removes the templates of
        // runs whose process is gone instead.
        const string prefix = "herald-demo-template-";
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                TryDelete(stale);
            }
        }
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}");
        TryDelete(folder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "herald.db");
        await SeedAsync(DatabaseConnection.Parse($"Data Source={file}"));
        // The seeding site's pooled connections would keep the write-ahead log open, and a copy
        // opening a WAL file another connection must first recover fails with "database is locked"
        // (SQLITE_BUSY_RECOVERY). One self-contained file in rollback mode is read without either;
        // Herald turns WAL back on in every copy when it starts.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }
        return folder;
    }

    private static async Task<string> SeedPostgresTemplateAsync()
    {
        var server = await PostgresServer.GetAsync() ?? throw new InvalidOperationException(PostgresServer.Unavailable);
        var connection = server.NewDatabase("demo_template");
        await SeedAsync(DatabaseConnection.Parse(connection));
        // The seeding site's idle connections would keep PostgreSQL from copying the template.
        foreach (var form in new[] { connection, DatabaseConnection.Parse(connection).ConnectionString })
        {
            using var pooled = new NpgsqlConnection(form);
            NpgsqlConnection.ClearPool(pooled);
        }
        return new NpgsqlConnectionStringBuilder(connection).Database!;
    }

    /// <summary>Migrations and demo content exactly as `herald serve --demo` makes them, without serving.</summary>
    private static async Task SeedAsync(DatabaseConnection database)
    {
        var app = HeraldServer.Build(new ServeOptions { Database = database, Urls = "http://127.0.0.1:0" }, quiet: true);
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync(CancellationToken.None);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run may be removing it at the same moment; the temp directory is cleaned anyway.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }
}