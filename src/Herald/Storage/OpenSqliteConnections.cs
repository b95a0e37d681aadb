using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Storage;

/// <summary>
/// Open SQLite connections that outlive a request, so that the statements each one keeps prepared
/// (<see cref="StatementReusingConnection"/>) serve the next request too. A DbContext borrows one for
/// its scope (<see cref="SqliteConnectionLease"/>) and gives it back when the scope ends; EF Core
/// never opens or closes a connection it was given open. A connection that comes back in a state
/// nobody should inherit (closed, inside a transaction, or with a command not given back, whose read
/// may still hold an old snapshot) is closed instead of kept.
/// </summary>
/// <param name="idleKept">Idle connections kept (<see cref="SqliteConnectionTuning.IdleConnections"/>); beyond them, the rest close.</param>
internal sealed class OpenSqliteConnections(string connectionString, string pragma, int idleKept = OpenSqliteConnections.Kept) : IDisposable
{
    /// <summary>Idle connections a server keeps: beyond the requests a small server runs at once, the rest close.</summary>
    public const int Kept = 16;

    private readonly ConcurrentBag<StatementReusingConnection> idle = [];
    private volatile bool disposed;
    private int opened;

    /// <summary>Connections opened so far: a server under steady load opens only as many as run at once.</summary>
    internal int Opened => Volatile.Read(ref opened);

    public StatementReusingConnection Rent()
    {
        if (!idle.TryTake(out var connection))
        {
            connection = new StatementReusingConnection(connectionString);
            connection.Open();
            Interlocked.Increment(ref opened);
            using var tune = connection.CreateCommand();
            tune.CommandText = pragma;
            tune.ExecuteNonQuery();
        }
        connection.Lent = true;
        return connection;
    }

    public void Return(StatementReusingConnection connection)
    {
        connection.Lent = false;
        if (disposed || !connection.IsClean || idle.Count >= idleKept)
        {
            connection.Dispose();
            return;
        }
        idle.Add(connection);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

/// <summary>One scope's connection from <see cref="OpenSqliteConnections"/>, given back when the scope is disposed.</summary>
internal sealed class SqliteConnectionLease(OpenSqliteConnections pool) : IDisposable
{
    private StatementReusingConnection? connection;

    public StatementReusingConnection Connection => connection ??= pool.Rent();

    public void Dispose()
    {
        if (connection is not null)
        {
            pool.Return(connection);
            connection = null;
        }
    }
}

/// <summary>
/// Hands a DbContext the scope's leased connection, open, in place of one EF Core would make, and
/// keeps EF Core from disposing it: the lease gives it back to the pool when the scope ends. EF Core
/// leaves a connection it found open as it is, so it is neither closed after each query nor
/// initialised again (which would expire the statements the connection keeps prepared).
/// </summary>
internal sealed class LeasedConnectionInterceptor : DbConnectionInterceptor
{
    /// <summary>One for every context: the lease is the context's own (<see cref="SqliteHeraldDbContext.Lease"/>).</summary>
    public static readonly LeasedConnectionInterceptor Instance = new();

    private LeasedConnectionInterceptor()
    {
    }

    /// <summary>
    /// Only the context's own connection is leased: EF Core makes others for itself (migrations take a
    /// lock through one, in a transaction of its own) and those must stay separate connections.
    /// </summary>
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        eventData.Context is SqliteHeraldDbContext { Lease: { } lease } context
        && context.GetService<IRelationalConnection>().ConnectionId == eventData.ConnectionId
            ? InterceptionResult<DbConnection>.SuppressWithResult(lease.Connection)
            : result;

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}