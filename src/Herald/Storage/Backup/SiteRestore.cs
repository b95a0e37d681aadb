using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Backup;

/// <summary>
/// Puts a backup archive back: checks the manifest and the database copy in a folder beside
/// the target first, and only then replaces the database file and the media folder, so a bad
/// archive leaves the site as it was. A site with content is replaced only when told to.
/// </summary>
public sealed class SiteRestore(string databaseFile, string mediaFolder)
{
    /// <summary>The largest single file an archive may hold: far above any database or picture Herald makes, far below a disk.</summary>
    private const long MaxEntryBytes = 64L * 1024 * 1024 * 1024;

    public async Task<BackupManifest> RestoreAsync(string archive, bool force, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"There is no file {archive}.");
        }
        if (!force && DescribeContent() is { } content)
        {
            throw new BackupException($"The site is not empty ({content}); pass --force to replace it with the backup.");
        }
        var folder = Path.GetDirectoryName(databaseFile)!;
        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, $".herald-restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var manifest = await ExtractAsync(archive, work, ct);
            var restoredDatabase = Path.Combine(work, BackupManifest.DatabaseEntry);
            if (!File.Exists(restoredDatabase))
            {
                throw new BackupException($"{archive} holds no database.");
            }
            Check(restoredDatabase, archive);
            Replace(restoredDatabase, Path.Combine(work, "media"));
            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>What the site already holds, in words, or null when it holds nothing worth keeping.</summary>
    public string? DescribeContent()
    {
        var parts = new List<string>();
        if (File.Exists(databaseFile) && new FileInfo(databaseFile).Length > 0)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            foreach (var (table, noun) in new[] { ("Articles", "articles"), ("Comments", "comments"), ("AspNetUsers", "accounts"), ("MediaFiles", "media files in the database") })
            {
                if (Count(connection, table) is > 0 and var count)
                {
                    parts.Add($"{count} {noun}");
                }
            }
        }
        if (Directory.Exists(mediaFolder) && Directory.EnumerateFiles(mediaFolder, "*", SearchOption.AllDirectories)
                .Any(f => !Path.GetFileName(f).StartsWith(".herald-", StringComparison.Ordinal)))
        {
            parts.Add($"files in {mediaFolder}");
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>The rows of a table, or null when the database has no such table.</summary>
    internal static long? Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }
        command.CommandText = $"SELECT count(*) FROM \"{table}\";";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<BackupManifest> ExtractAsync(string archive, string work, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        var root = Path.GetFullPath(work) + Path.DirectorySeparatorChar;
        try
        {
            await using var file = File.OpenRead(archive);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (manifest is null)
                {
                    if (entry.Name != BackupManifest.EntryName || entry.DataStream is null)
                    {
                        throw new BackupException($"{archive} is not a Herald backup (it does not start with {BackupManifest.EntryName}).");
                    }
                    manifest = BackupManifest.Read(entry.DataStream, archive);
                    continue;
                }
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue; // Folders are made as files need them; links and devices have no place in a backup.
                }
                var isMedia = entry.Name.StartsWith(BackupManifest.MediaPrefix, StringComparison.Ordinal);
                var target = Path.GetFullPath(Path.Combine(work, entry.Name));
                if ((!isMedia && entry.Name != BackupManifest.DatabaseEntry) || !target.StartsWith(root, StringComparison.Ordinal) || entry.Length > MaxEntryBytes)
                {
                    throw new BackupException($"{archive} holds an entry a Herald backup never has: {entry.Name}.");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var output = File.Create(target);
                await entry.DataStream.CopyToAsync(output, ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BackupException($"{archive} is damaged or not a Herald backup: {e.Message}");
        }
        return manifest ?? throw new BackupException($"{archive} is empty.");
    }

    private static void Check(string restoredDatabase, string archive)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = restoredDatabase, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            if (command.ExecuteScalar() as string != "ok")
            {
                throw new BackupException($"The database in {archive} fails SQLite's check; nothing was replaced.");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"The database in {archive} cannot be read ({e.Message}); nothing was replaced.");
        }
    }

    private void Replace(string restoredDatabase, string restoredMedia)
    {
        foreach (var stale in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(stale);
        }
        File.Move(restoredDatabase, databaseFile);
        if (Directory.Exists(mediaFolder))
        {
            Directory.Delete(mediaFolder, recursive: true);
        }
        if (Directory.Exists(restoredMedia))
        {
            MoveFolder(restoredMedia, mediaFolder);
        }
        else
        {
            Directory.CreateDirectory(mediaFolder);
        }
    }

    private static void MoveFolder(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
        try
        {
            Directory.Move(from, to);
        }
        catch (IOException)
        {
            // Another file system: copy, then let the work folder's removal take the originals.
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }
}