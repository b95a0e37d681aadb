using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Storage;

/// <summary>
/// Settings SQLite keeps per connection, applied once to each physical connection of the pool.
/// Memory-mapped reads let every connection read the database through the operating system's
/// page cache instead of its own 2 MB page cache: searches and related-article lookups touch
/// index pages scattered over the archive, which the small cache kept copying in (the measured
/// difference is in bench/discovery/RESULTS.md). Writes still go through the journal as before. Mapped pages
/// count as the process's resident memory, so bulk commands (import, export) do without it
/// (<see cref="Hosting.ServeOptions.MemoryMappedReads"/>).
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    /// <summary>Address space, not memory: only pages actually read are resident, and shared.</summary>
    public const long MemoryMapBytes = 1L << 30;

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

    /// <param name="memoryMapped">Map the file (serving); otherwise give the connection a larger page cache (bulk commands).</param>
    public SqliteConnectionTuning(bool memoryMapped = true) =>
        pragma = memoryMapped ? $"PRAGMA mmap_size = {MemoryMapBytes};" : $"PRAGMA cache_size = -{BulkCacheKiB};";

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