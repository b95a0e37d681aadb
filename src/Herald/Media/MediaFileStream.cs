using System.Data;
using System.Data.Common;
using Herald.Storage;
using Microsoft.Data.Sqlite;

namespace Herald.Media;

/// <summary>
/// The bytes of one file of the database media store as a seekable stream that never holds the
/// whole file: nothing is read until the first Read (a 304 costs no database work), SQLite reads
/// the blob in place, and PostgreSQL streams the column from where the reader is (a range request
/// asks for the bytes from its start). Seeking elsewhere starts a new read there.
/// </summary>
internal sealed class MediaFileStream(DatabaseConnection database, long id, long length) : Stream
{
    private DbConnection? connection;
    private DbDataReader? reader;
    private Stream? source;
    private long sourcePosition;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        position = target;
        return position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (position >= length || buffer.Length == 0)
        {
            return 0;
        }
        if (source is null || sourcePosition != position)
        {
            await OpenAtAsync(position, ct);
        }
        var read = await source!.ReadAsync(buffer[..(int)Math.Min(buffer.Length, length - position)], ct);
        if (read == 0)
        {
            throw new IOException($"Media file {id} ended at byte {position} of {length}: it was replaced or removed while being read.");
        }
        position += read;
        sourcePosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task OpenAtAsync(long at, CancellationToken ct)
    {
        await CloseSourceAsync();
        if (connection is null)
        {
            connection = DatabaseMediaStore.Connect(database);
            await connection.OpenAsync(ct);
        }
        if (connection is SqliteConnection sqlite)
        {
            source = new SqliteBlob(sqlite, "MediaFiles", "Content", id, readOnly: true) { Position = at };
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT substring("Content" FROM @from) FROM "MediaFiles" WHERE "Id" = @id""";
            // PostgreSQL counts from 1, and its substring takes an int (a bytea holds at most 1 GB).
            DatabaseMediaStore.Add(command, "@from", checked((int)(at + 1)));
            DatabaseMediaStore.Add(command, "@id", id);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new IOException($"Media file {id} was removed while being read.");
            }
            source = reader.GetStream(0);
        }
        sourcePosition = at;
    }

    private async ValueTask CloseSourceAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
            source = null;
        }
        if (reader is not null)
        {
            await reader.DisposeAsync();
            reader = null;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await CloseSourceAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source?.Dispose();
            reader?.Dispose();
            connection?.Dispose();
            source = null;
            reader = null;
            connection = null;
        }
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}