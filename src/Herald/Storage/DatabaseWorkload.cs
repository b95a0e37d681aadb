namespace Herald.Storage;

/// <summary>
/// What a process does with its database, which decides how its SQLite connections are tuned
/// (<see cref="SqliteConnectionTuning"/>). Either way each connection stays open between scopes and
/// keeps the statements it prepared (<see cref="OpenSqliteConnections"/>).
/// </summary>
public enum DatabaseWorkload
{
    /// <summary>A server: many short requests at once, reading memory-mapped as far as the operator allows.</summary>
    Serving,

    /// <summary>
    /// A bulk command (import, export): one long run of writes and reads all over the archive, a scope or two
    /// at a time; no map (mapped pages would only swell the resident memory), a larger page cache instead.
    /// </summary>
    Bulk,
}