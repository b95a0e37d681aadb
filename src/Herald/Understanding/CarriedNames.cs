using System.Data.Common;
using Herald.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Understanding;

/// <summary>
/// Where a SQLite connection stood: which connection, and its data version (which moves when any other
/// connection commits). Taken when names are read, so that they can later be shown still true.
/// </summary>
internal sealed record ConnectionStamp(SqliteConnection Connection, long DataVersion)
{
    /// <summary>The stamp of the context's connection now; null on PostgreSQL, where other writers cannot be told apart this way.</summary>
    public static async Task<ConnectionStamp?> TakeAsync(HeraldDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            return null;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        return new ConnectionStamp(connection, (long)(await command.ExecuteScalarAsync(ct))!);
    }

    /// <summary>Rows this connection has inserted, changed or deleted since it opened (SQLite's total_changes).</summary>
    public long ChangesMade => Connection.Handle is { } handle ? SQLitePCL.raw.sqlite3_total_changes(handle) : -1;
}

/// <summary>
/// Hands an import's running list of names (<see cref="RunningNames"/>) from one committed batch to
/// the next, instead of reading every entity and counting its mentions again for each batch — work
/// that grows with the archive (bench/RESULTS.md, "Analysis phase, prepared statements for bulk
/// commands"). Names are handed on only when nothing but the batch that followed them can have
/// changed what they mirror: that batch committed (this interceptor sees every commit and rollback),
/// the next batch runs on the same open SQLite connection (bulk commands keep theirs open,
/// <see cref="DatabaseWorkload.Bulk"/>), no other connection has committed since the names were read
/// (SQLite's data version is unchanged), and this connection has changed no row since the commit
/// (its total of changes is unchanged). Otherwise the next batch reads them again, as before.
/// </summary>
public sealed class CarriedNames : DbTransactionInterceptor
{
    private readonly Lock gate = new();

    /// <summary>Names being followed in a transaction not yet ended.</summary>
    private RunningNames? following;

    /// <summary>Names whose transaction committed, with this connection's total of changes just after.</summary>
    private (RunningNames Names, long ChangesMade)? committed;

    /// <summary>These names are now followed in their transaction; whatever was kept before is let go of.</summary>
    internal void Follow(RunningNames names)
    {
        lock (gate)
        {
            (following, committed) = (names, null);
        }
    }

    /// <summary>The names of the last committed batch, if they are still exactly what the database holds as <paramref name="now"/> stands.</summary>
    internal RunningNames? Take(ConnectionStamp now)
    {
        lock (gate)
        {
            if (committed is not var (names, changes) || names.Stamp is not { } then)
            {
                return null;
            }
            committed = null;
            return ReferenceEquals(then.Connection, now.Connection) && then.DataVersion == now.DataVersion && changes == now.ChangesMade ? names : null;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, committed: false);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction, committed: false);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, committed: false);
        return Task.CompletedTask;
    }

    private void Ended(DbTransaction transaction, bool committed)
    {
        lock (gate)
        {
            if (following is not { } names || !ReferenceEquals(names.Transaction, transaction))
            {
                return;
            }
            following = null;
            this.committed = committed && names.Stamp is { } stamp ? (names, stamp.ChangesMade) : null;
        }
    }
}