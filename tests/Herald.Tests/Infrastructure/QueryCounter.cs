using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.Infrastructure;

/// <summary>Counts the SQL commands Herald sends, to prove a page costs a bounded number of queries.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> commands = new();
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>The SQL counted since the last reset, to show in a failure message.</summary>
    public string Log => string.Join("\n---\n", commands);

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        commands.Enqueue(command.CommandText);
        return base.ReaderExecuting(command, eventData, result);
    }
}