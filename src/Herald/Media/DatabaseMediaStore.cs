using System.Data.Common;
using System.Security.Cryptography;
using Herald.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Media;

/// <summary>
/// Media files kept in the site's database (the MediaFiles table), so that every node of a site
/// serves a picture uploaded through any of them, and its renditions, made once at upload.
/// The bytes go in as a stream: SQLite writes them into a blob of the right size in place,
/// PostgreSQL takes them as a streamed parameter. Saving a path again replaces the file, as the
/// folder store does.
/// </summary>
public sealed class DatabaseMediaStore(DatabaseConnection database, TimeProvider clock) : IMediaStore
{
    public async Task<string> SaveAsync(string relativePath, Stream content, CancellationToken ct)
    {
        var path = MediaPaths.Normalize(relativePath)
            ?? throw new ArgumentException("A media path must be relative and stay inside the media store.", nameof(relativePath));
        await using var seekable = await SeekableAsync(content, ct);
        var start = seekable.Position;
        var length = seekable.Length - start;
        var etag = $"\"{Convert.ToHexStringLower(await SHA256.HashDataAsync(seekable, ct), 0, 16)}\"";
        seekable.Position = start;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(path, seekable, length, etag, ct);
                return MediaPaths.UrlOf(path);
            }
            catch (DbException e) when (attempt == 1 && IsUniqueViolation(e))
            {
                // Another writer stored the same path between our delete and insert; replace theirs.
                seekable.Position = start;
            }
        }
    }

    public bool Exists(string relativePath)
    {
        if (MediaPaths.Normalize(relativePath) is not { } path)
        {
            return false;
        }
        using var connection = Connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT 1 FROM "MediaFiles" WHERE "Path" = @path""";
        Add(command, "@path", path);
        return command.ExecuteScalar() is not null;
    }

    public long? SizeOf(string url)
    {
        if (!url.StartsWith(MediaPaths.UrlPrefix + "/", StringComparison.Ordinal)
            || MediaPaths.Normalize(Uri.UnescapeDataString(url[(MediaPaths.UrlPrefix.Length + 1)..])) is not { } path)
        {
            return null;
        }
        using var connection = Connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Length" FROM "MediaFiles" WHERE "Path" = @path""";
        Add(command, "@path", path);
        return command.ExecuteScalar() is { } length and not DBNull ? Convert.ToInt64(length, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A connection of its own (not a DbContext's): a file is written and read as a stream on it.</summary>
    internal static DbConnection Connect(DatabaseConnection database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);

    private DbConnection Connect() => Connect(database);

    private async Task WriteAsync(string path, Stream content, long length, string etag, CancellationToken ct)
    {
        await using var connection = Connect();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = """DELETE FROM "MediaFiles" WHERE "Path" = @path""";
            Add(delete, "@path", path);
            await delete.ExecuteNonQueryAsync(ct);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            var sqlite = connection is SqliteConnection;
            insert.CommandText = $"""
                INSERT INTO "MediaFiles" ("Path", "ContentType", "Length", "ETag", "StoredAt", "Content")
                VALUES (@path, @type, @length, @etag, @at, {(sqlite ? "zeroblob(@length)" : "@content")})
                RETURNING "Id"
                """;
            Add(insert, "@path", path);
            Add(insert, "@type", MediaPaths.ContentTypeOf(path));
            Add(insert, "@length", length);
            Add(insert, "@etag", etag);
            Add(insert, "@at", clock.GetUtcNow().UtcDateTime);
            if (!sqlite)
            {
                insert.Parameters.Add(new NpgsqlParameter("@content", NpgsqlDbType.Bytea) { Value = content, Size = checked((int)length) });
            }
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            if (connection is SqliteConnection file)
            {
                await using var blob = new SqliteBlob(file, "MediaFiles", "Content", id);
                await content.CopyToAsync(blob, ct);
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The content as it is when it can seek (its length and a second pass are needed); else a temporary copy.</summary>
    private static async Task<Stream> SeekableAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            return new NonClosing(content);
        }
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await content.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or SqliteException { SqliteErrorCode: 19 };

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Leaves the caller's stream open: it belongs to them.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}