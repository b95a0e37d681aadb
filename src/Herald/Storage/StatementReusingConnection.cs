using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Herald.Storage;

/// <summary>
/// A SQLite connection that keeps each statement it ran prepared for the next time the same SQL
/// comes. A public page runs a dozen statements of fixed text; SQLite spent more CPU preparing
/// them (parsing, planning against every index) than running them: 3.2 ms of an article page's
/// 5.6 ms, against 0.7 ms to run them prepared (bench/RESULTS.md, "Page CPU"). SQLite's statements
/// live only as long as the connection is open, so this connection stays open between requests
/// (<see cref="OpenSqliteConnections"/>). Only one thread uses it at a time, as any DbConnection.
/// </summary>
internal sealed class StatementReusingConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>Distinct statements kept per connection: more than every page, form and feed runs; searches vary.</summary>
    public const int Kept = 256;

    private readonly Dictionary<string, SqliteCommand> idle = new(StringComparer.Ordinal);

    public SqliteTransaction? CurrentTransaction => Transaction;

    /// <summary>Prepared statements on the shelf now (tests look).</summary>
    internal int KeptStatements => idle.Count;

    /// <summary>Commands taken off the shelf (or made) and not given back: each may still have a read running.</summary>
    private int outstanding;

    /// <summary>
    /// Whether the next borrower may have this connection as it is: every command given back and no
    /// transaction open, not even one begun in SQL. A read left running would keep the connection on the
    /// snapshot of the file it started with (WAL), and the next request would not see what was written since.
    /// </summary>
    internal bool IsClean => outstanding == 0 && State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

    protected override DbCommand CreateDbCommand() => new ReusedCommand(this);

    /// <summary>The prepared command for this SQL, taken out of the shelf while in use (two readers may run the same text at once).</summary>
    internal SqliteCommand Take(string sql)
    {
        outstanding++;
        if (idle.Remove(sql, out var command))
        {
            return command;
        }
        return new SqliteCommand(sql, this);
    }

    internal void Give(SqliteCommand command)
    {
        outstanding--;
        command.Parameters.Clear();
        command.Transaction = null;
        if (State != ConnectionState.Open || idle.Count >= Kept || !idle.TryAdd(command.CommandText, command))
        {
            command.Dispose();
        }
    }

    /// <summary>
    /// While lent to a DbContext the connection stays open: EF Core closes the connection when it
    /// disposes a context, and closing would finalize every statement kept. The pool closes it.
    /// </summary>
    public bool Lent { get; set; }

    /// <summary>Closing finalizes every statement (SQLite requires it); the shelf empties with them.</summary>
    public override void Close()
    {
        if (Lent)
        {
            return;
        }
        idle.Clear();
        base.Close();
    }
}

/// <summary>
/// What EF Core gets from <see cref="StatementReusingConnection.CreateDbCommand"/>: a command that
/// borrows the connection's prepared command for its text and gives it back when disposed.
/// </summary>
internal sealed class ReusedCommand(StatementReusingConnection connection) : DbCommand
{
    private SqliteCommand? inner;
    private SqliteCommand? unbound;
    private string text = "";
    private SqliteTransaction? transaction = connection.CurrentTransaction;
    private int? timeout;

    private SqliteCommand Inner => inner ?? (unbound ??= new SqliteCommand());

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText
    {
        get => text;
        set
        {
            value ??= "";
            if (value == text && inner is not null)
            {
                return;
            }
            var parameters = Inner.Parameters.Cast<SqliteParameter>().ToArray();
            Inner.Parameters.Clear();
            Release();
            text = value;
            inner = connection.Take(value);
            inner.Parameters.AddRange(parameters);
        }
    }

    public override int CommandTimeout
    {
        get => timeout ?? connection.DefaultTimeout;
        set => timeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs text commands only, not {value}.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && value != connection)
            {
                throw new InvalidOperationException("A reused SQLite command belongs to the connection that made it.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => transaction;
        set => transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => Inner.Cancel();

    public override void Prepare() => Ready().Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    /// <summary>The borrowed command with this use's transaction and timeout.</summary>
    private SqliteCommand Ready()
    {
        var command = inner ?? throw new InvalidOperationException("The command has no SQL.");
        // A finished transaction (its Connection is null) counts as none, as it does for a plain SqliteCommand.
        command.Transaction = transaction?.Connection is null ? null : transaction;
        command.CommandTimeout = CommandTimeout;
        return command;
    }

    private void Release()
    {
        if (inner is not null)
        {
            connection.Give(inner);
            inner = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            unbound?.Dispose();
            unbound = null;
        }
        base.Dispose(disposing);
    }
}