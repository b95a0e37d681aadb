namespace Herald.Storage;

/// <summary>
/// Settings SQLite keeps per connection, applied once to each connection of the pool
/// (<see cref="OpenSqliteConnections"/>), and how many idle connections the pool keeps.
/// A server may read the database memory-mapped (<see cref="Hosting.ServeOptions.SqliteMapMiB"/>):
/// searches and related-article lookups touch index pages scattered over the archive, which a
/// connection's own 2 MB page cache keeps copying in (the measured difference is in
/// bench/discovery/RESULTS.md). It is off by default because every connection maps the file for
/// itself and each mapped page read counts once per connection in the resident memory an
/// operator watches (bench/RESULTS.md, "Resident memory"); beyond the mapped size the file is read
/// as without a map. Writes go through the journal either way. Bulk commands (import, export) take
/// a larger page cache instead (<see cref="DatabaseWorkload.Bulk"/>).
/// </summary>
internal sealed record SqliteConnectionTuning(string Pragma, int IdleConnections)
{
    /// <summary>
    /// For bulk commands, which do without the map: a page cache of its own (in KiB, as SQLite takes a negative size),
    /// bounded so that memory stays flat, but large enough that an import's analysis, which reads index
    /// pages all over the archive for every story, does not copy the same pages in again and again.
    /// </summary>
    public const int BulkCacheKiB = 64 * 1024;

    /// <summary>
    /// Idle connections a bulk command keeps: it works a scope or two at a time, and each kept connection may
    /// hold a full page cache (<see cref="BulkCacheKiB"/>), so more would only let memory grow.
    /// </summary>
    public const int BulkIdleConnections = 2;

    /// <param name="mapBytes">How much of the file a server maps (0 maps none and leaves SQLite's default page cache); bulk commands map none.</param>
    public static SqliteConnectionTuning For(DatabaseWorkload workload, long mapBytes) => workload switch
    {
        DatabaseWorkload.Serving => new($"PRAGMA mmap_size = {mapBytes};", OpenSqliteConnections.Kept),
        DatabaseWorkload.Bulk => new($"PRAGMA cache_size = -{BulkCacheKiB};", BulkIdleConnections),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
    };
}