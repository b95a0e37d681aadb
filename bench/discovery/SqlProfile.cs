using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Bench.Discovery;

/// <summary>
/// With --profile, sums the time EF Core reports for each distinct SQL statement (through its
/// DiagnosticListener, so Herald itself is unchanged) and prints the costliest: where a phase
/// of the bench spends its time, statement by statement.
/// </summary>
internal sealed class SqlProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, (int Count, double Milliseconds)> statements = new();

    public static SqlProfile Start()
    {
        var profile = new SqlProfile();
        DiagnosticListener.AllListeners.Subscribe(profile);
        return profile;
    }

    /// <summary>Only statements run while recording count: the timed part of a phase, not its setup.</summary>
    public bool Recording { get; set; }

    public void Reset() => statements.Clear();

    public void Print(string phase, int top = 8)
    {
        var total = statements.Values.Sum(s => s.Milliseconds);
        Console.WriteLine($"  SQL during {phase}: {statements.Values.Sum(s => s.Count)} statements, {total:F0} ms");
        foreach (var (sql, (count, ms)) in statements.OrderByDescending(s => s.Value.Milliseconds).Take(top))
        {
            var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine($"    {ms,8:F1} ms {count,5}×  {oneLine[..Math.Min(150, oneLine.Length)]}");
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            listener.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Recording && value.Value is CommandExecutedEventData executed)
        {
            statements.AddOrUpdate(executed.Command.CommandText, (1, executed.Duration.TotalMilliseconds),
                (_, s) => (s.Count + 1, s.Milliseconds + executed.Duration.TotalMilliseconds));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}