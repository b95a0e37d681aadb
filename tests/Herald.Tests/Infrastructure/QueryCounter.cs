using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands Herald sends while it answers requests, to prove a page costs a bounded
/// number of queries. Only a request's own commands count (and work a request starts, which inherits
/// its flow): the scheduler and the other background services query on their own clock, and one of
/// their statements landing inside a measured request made the counts flaky.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor, IStartupFilter
{
    private static readonly AsyncLocal<bool> Serving = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> commands = new();
    private int count;

    /// <summary>Registers the counter with the site: as a command interceptor, and in front of the request pipeline.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(this);
        services.AddSingleton<IStartupFilter>(this);
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            Serving.Value = true;
            await nextMiddleware(context);
        });
        next(app);
    };

    private void Record(DbCommand command)
    {
        if (Serving.Value)
        {
            Interlocked.Increment(ref count);
            commands.Enqueue(command.CommandText);
        }
    }

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
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }
}