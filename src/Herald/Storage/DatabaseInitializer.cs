using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Storage;

/// <summary>
/// Makes the database ready before Herald serves or changes anything: the SQLite folder
/// exists and is writable, WAL is on, and every migration of the provider is applied.
/// Failures become <see cref="DatabaseConfigurationException"/> with a one-line reason.
/// </summary>
public sealed class DatabaseInitializer(DatabaseConnection database, IServiceScopeFactory scopes, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (database.SqliteFile is { } file)
        {
            EnsureWritableFolder(Path.GetDirectoryName(file)!);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers go on while a writer commits; it is a property of the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await RefuseUnknownHistoryAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            throw new DatabaseConfigurationException($"Cannot open the database ({database.Describe()}): {FirstLine(e)}");
        }
        log.LogInformation("Database ready: {Database}", database.Describe());
    }

    /// <summary>
    /// A database whose history names migrations this build does not have was made by a
    /// pre-release Herald whose migrations were later squashed into one; applying Initial on
    /// top of its tables would fail halfway, so it is refused with the way forward instead.
    /// </summary>
    private async Task RefuseUnknownHistoryAsync(HeraldDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(id => !known.Contains(id)).ToList();
        // Migration ids start with their date: one later than every known one was made by a newer Herald (a rollback).
        if (unknown.Count > 0 && known.Count > 0 && unknown.All(id => string.CompareOrdinal(id, known.Max()) > 0))
        {
            throw new DatabaseConfigurationException(
                $"The database ({database.Describe()}) was upgraded by a newer Herald (it has migration {unknown[^1]}, which this version does not know). "
                + "Run that version again, or restore the backup taken before the upgrade (docs/operations.md, Upgrades).");
        }
        if (unknown.Count > 0)
        {
            throw new DatabaseConfigurationException(
                $"The database ({database.Describe()}) was made by a pre-release Herald (it has migration {unknown[0]}, which this version does not know). "
                + "Export it with the Herald that made it (herald export wxr FILE) and import that file into a new, empty database.");
        }
    }

    /// <summary>Creates the folder if needed and proves Herald can write there, or says which folder and why not.</summary>
    public static void EnsureWritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".herald-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseConfigurationException($"The data folder {folder} is not writable: {e.Message}");
        }
    }

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner.Message.Length < 20)
        {
            inner = inner.InnerException;
        }
        return inner.Message.Split('\n')[0].Trim();
    }
}