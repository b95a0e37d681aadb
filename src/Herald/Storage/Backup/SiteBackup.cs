using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Backup;

/// <summary>
/// One archive (tar.gz) holding a consistent copy of a SQLite site and its media folder. The
/// database is copied with SQLite's online backup API from one read snapshot, so the site may
/// go on taking writes; media are copied after it, so every picture the copy names is there.
/// A site that keeps its media in the database (--media-store database) has them in that one
/// consistent copy.
/// </summary>
public sealed class SiteBackup(string databaseFile, string mediaFolder)
{
    public async Task<BackupManifest> WriteAsync(string archive, CancellationToken ct)
    {
        if (!File.Exists(databaseFile))
        {
            throw new BackupException($"There is no database at {databaseFile}.");
        }
        var work = Directory.CreateTempSubdirectory("herald-backup-");
        var partial = archive + ".part";
        try
        {
            var copy = Path.Combine(work.FullName, BackupManifest.DatabaseEntry);
            CopyDatabase(copy);
            var media = MediaFiles().ToList();
            var manifest = new BackupManifest(
                BackupManifest.FormatName, BackupManifest.CurrentVersion, DateTime.UtcNow, "sqlite", LastMigration(copy),
                new FileInfo(copy).Length, media.Count, media.Sum(m => new FileInfo(m.FullPath).Length), CountRows(copy, "MediaFiles"));

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archive))!);
            await using (var file = File.Create(partial))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(manifest.ToBytes()) };
                await tar.WriteEntryAsync(entry, ct);
                await tar.WriteEntryAsync(copy, BackupManifest.DatabaseEntry, ct);
                foreach (var (fullPath, relative) in media)
                {
                    await AddMediaAsync(tar, fullPath, relative, ct);
                }
            }
            File.Move(partial, archive, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private void CopyDatabase(string copy)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        source.Open();
        target.Open();
        // One step copies every page under one read snapshot; writers go on meanwhile (WAL).
        source.BackupDatabase(target);
        using var check = target.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        if (check.ExecuteScalar() as string != "ok")
        {
            throw new BackupException($"The copy of {databaseFile} failed SQLite's check; the database itself may be damaged (run PRAGMA integrity_check on it).");
        }
    }

    internal static string? LastMigration(string databaseFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (command.ExecuteScalar() is null)
        {
            return null;
        }
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;";
        return command.ExecuteScalar() as string;
    }

    /// <summary>The rows of a table of the database file; 0 when a database older than the table has none.</summary>
    private static long CountRows(string databaseFile, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return SiteRestore.Count(connection, table) ?? 0;
    }

    private IEnumerable<(string FullPath, string Relative)> MediaFiles()
    {
        if (!Directory.Exists(mediaFolder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(mediaFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            // Half-written uploads and readiness probes are not media.
            if (name.EndsWith(".part", StringComparison.Ordinal) || name.StartsWith(".herald-", StringComparison.Ordinal))
            {
                continue;
            }
            yield return (file, Path.GetRelativePath(mediaFolder, file).Replace('\\', '/'));
        }
    }

    private static async Task AddMediaAsync(TarWriter tar, string fullPath, string relative, CancellationToken ct)
    {
        try
        {
            await tar.WriteEntryAsync(fullPath, BackupManifest.MediaPrefix + relative, ct);
        }
        catch (FileNotFoundException)
        {
            // Deleted between the listing and now; the archive goes on without it.
        }
    }
}