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

    /// <summary>
    /// The idle prepared statements by SQL, and the same statements in order of last use. When a new one
    /// would make more than <see cref="Kept"/>, the one unused longest is finalized: varied search texts
    /// pass through, and the pages' fixed statements, used all the time, stay prepared. Only idle statements
    /// are on the shelf, so one lent out (perhaps with a read running) is never finalized under its user.
    /// </summary>
    private readonly Dictionary<string, PreparedStatement> idle = new(StringComparer.Ordinal);

    /// <summary>The shelf's ends: most recently given back, and next to go.</summary>
    private PreparedStatement? newest, oldest;

    public SqliteTransaction? CurrentTransaction => Transaction;

    /// <summary>Prepared statements on the shelf now (tests look).</summary>
    internal int KeptStatements => idle.Count;

    /// <summary>Commands made so far, each prepared by SQLite on its first run (tests count them).</summary>
    internal int CommandsMade { get; private set; }

    /// <summary>Statements finalized to make room for others (tests count them).</summary>
    internal int Evicted { get; private set; }

    /// <summary>Commands taken off the shelf (or made) and not given back: each may still have a read running.</summary>
    private int outstanding;

    /// <summary>
    /// Whether the next borrower may have this connection as it is: every command given back and no
    /// transaction open, not even one begun in SQL. A read left running would keep the connection on the
    /// snapshot of the file it started with (WAL), and the next request would not see what was written since.
    /// </summary>
    internal bool IsClean => outstanding == 0 && State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

    protected override DbCommand CreateDbCommand() => new ReusedCommand(this);

    /// <summary>
    /// The prepared statement for this SQL, taken off the shelf while in use (two readers may run the same
    /// text at once). On a hit nothing is allocated: the dictionary reuses its slots and the order is a
    /// chain through the statements themselves.
    /// </summary>
    internal PreparedStatement Take(string sql)
    {
        outstanding++;
        if (idle.Remove(sql, out var statement))
        {
            Unlink(statement);
            return statement;
        }
        CommandsMade++;
        return new PreparedStatement(new SqliteCommand(sql, this));
    }

    internal void Give(PreparedStatement statement)
    {
        outstanding--;
        var command = statement.Command;
        command.Parameters.Clear();
        command.Transaction = null;
        if (State != ConnectionState.Open || !idle.TryAdd(command.CommandText, statement))
        {
            command.Dispose();
            return;
        }
        statement.Older = newest;
        if (newest is not null)
        {
            newest.Newer = statement;
        }
        newest = statement;
        oldest ??= statement;
        if (idle.Count > Kept)
        {
            var leaving = oldest;
            idle.Remove(leaving.Command.CommandText);
            Unlink(leaving);
            leaving.Command.Dispose();
            Evicted++;
        }
    }

    private void Unlink(PreparedStatement statement)
    {
        if (statement.Newer is null)
        {
            newest = statement.Older;
        }
        else
        {
            statement.Newer.Older = statement.Older;
        }
        if (statement.Older is null)
        {
            oldest = statement.Newer;
        }
        else
        {
            statement.Older.Newer = statement.Newer;
        }
        statement.Newer = statement.Older = null;
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
        newest = oldest = null;
        base.Close();
    }
}

/// <summary>
/// What EF Core gets from <see cref="StatementReusingConnection.CreateDbCommand"/>: a command that
/// borrows the connection's prepared command for its text and gives it back when disposed.
/// </summary>
internal sealed class ReusedCommand(StatementReusingConnection connection) : DbCommand
{
    private PreparedStatement? borrowed;
    private SqliteCommand? unbound;
    private string text = "";
    private SqliteTransaction? transaction = connection.CurrentTransaction;
    private int? timeout;

    private SqliteCommand Inner => borrowed?.Command ?? (unbound ??= new SqliteCommand());

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText
    {
        get => text;
        set
        {
            value ??= "";
            if (value == text && borrowed is not null)
            {
                return;
            }
            var parameters = Inner.Parameters.Cast<SqliteParameter>().ToArray();
            Inner.Parameters.Clear();
            Release();
            text = value;
            borrowed = connection.Take(value);
            borrowed.Command.Parameters.AddRange(parameters);
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
        var command = borrowed?.Command ?? throw new InvalidOperationException("The command has no SQL.");
        // A finished transaction (its Connection is null) counts as none, as it does for a plain SqliteCommand.
        command.Transaction = transaction?.Connection is null ? null : transaction;
        command.CommandTimeout = CommandTimeout;
        return command;
    }

    private void Release()
    {
        if (borrowed is not null)
        {
            connection.Give(borrowed);
            borrowed = null;
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

/// <summary>A command kept prepared, and its place in the connection's order of last use.</summary>
internal sealed class PreparedStatement(SqliteCommand command)
{
    public SqliteCommand Command { get; } = command;

    /// <summary>The statements given back just after and just before this one, while it is on the shelf.</summary>
    public PreparedStatement? Newer { get; set; }

    public PreparedStatement? Older { get; set; }
}