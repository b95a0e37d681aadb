using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Storage;

/// <summary>
/// Settings SQLite keeps per connection, applied once to each physical connection of the pool.
/// A server may read the database memory-mapped (<see cref="Hosting.ServeOptions.SqliteMapMiB"/>):
/// searches and related-article lookups touch index pages scattered over the archive, which a
/// connection's own 2 MB page cache keeps copying in (the measured difference is in
/// bench/discovery/RESULTS.md). It is off by default because every connection maps the file for
/// itself and each mapped page read counts once per connection in the resident memory an
/// operator watches (bench/RESULTS.md, "Resident memory"); beyond the mapped size the file is read
/// as without a map. Writes go through the journal either way. Bulk commands (import, export) take
/// a larger page cache instead (<see cref="Hosting.ServeOptions.MemoryMappedReads"/>).
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{

    // Pooled connections are opened many times; the handle identifies the physical connection.
    private static readonly ConditionalWeakTable<object, object> Tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// For bulk commands, which do without the map: a page cache of its own (in KiB, as SQLite takes a negative size),
    /// bounded so that memory stays flat, but large enough that an import's analysis, which reads index
    /// pages all over the archive for every story, does not copy the same pages in again and again.
    /// </summary>
    public const int BulkCacheKiB = 64 * 1024;

    private readonly string pragma;

    /// <param name="mapBytes">
    /// How much of the file to map (serving; 0 maps none and leaves SQLite's default page cache);
    /// null gives the connection a larger page cache instead (bulk commands).
    /// </param>
    public SqliteConnectionTuning(long? mapBytes) =>
        pragma = mapBytes is { } bytes ? $"PRAGMA mmap_size = {bytes};" : $"PRAGMA cache_size = -{BulkCacheKiB};";

    public string Pragma => pragma;

    private void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Tuned.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
        Tuned.AddOrUpdate(handle, handle);
    }
}