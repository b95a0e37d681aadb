using Microsoft.Data.Sqlite;
using Npgsql;

namespace Herald.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A connection string and the provider it implies: "Data Source=..." is SQLite,
/// "Host=..." is PostgreSQL. Anything else is refused with a message a person can act on.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/herald.db";

    /// <summary>How many statements each PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int AutoPrepared = 128;

    /// <summary>--db first, then HERALD_DB, then SQLite in ./data.</summary>
    public static DatabaseConnection Resolve(string? fromCommandLine) =>
        Parse(fromCommandLine ?? Environment.GetEnvironmentVariable("HERALD_DB") ?? $"Data Source={DefaultSqlitePath}");

    public static DatabaseConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseConfigurationException("The database connection string is empty.");
        }

        var keys = ReadKeys(connectionString);
        if (keys.Contains("host") || keys.Contains("server"))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                if (!keys.Contains("max auto prepare") && !keys.Contains("maxautoprepare"))
                {
                    // A page's statements are the same few texts over and over: prepared once per
                    // connection, PostgreSQL stops parsing and planning them on every request. An
                    // operator behind a pooler that cannot keep prepared statements sets it to 0.
                    builder.MaxAutoPrepare = AutoPrepared;
                }
                return new DatabaseConnection(DatabaseProvider.PostgreSql, builder.ConnectionString);
            }
            catch (ArgumentException e)
            {
                throw new DatabaseConfigurationException($"The PostgreSQL connection string is not valid: {e.Message}");
            }
        }

        if (keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename"))
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(connectionString);
                return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ConnectionString);
            }
            catch (ArgumentException e)
            {
                throw new DatabaseConfigurationException($"The SQLite connection string is not valid: {e.Message}");
            }
        }

        throw new DatabaseConfigurationException(
            "The database connection string names no database: use \"Data Source=FILE\" for SQLite or \"Host=...;Database=...\" for PostgreSQL.");
    }

    /// <summary>For SQLite, the file the connection opens (null for in-memory databases).</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }
            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
    }

    /// <summary>
    /// A plain ADO.NET connection (not opened), for small statements that must not go through a
    /// DbContext and its interceptors, such as the invalidation journal's polling.
    /// </summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
        _ => new NpgsqlConnection(ConnectionString),
    };

    /// <summary>A form safe to print: no password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite at {SqliteFile ?? "memory"}",
        _ => DescribePostgres(),
    };

    private string DescribePostgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    private static HashSet<string> ReadKeys(string connectionString)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                keys.Add(part[..equals].Trim().ToLowerInvariant());
            }
        }
        return keys;
    }
}

/// <summary>A problem with the database settings that the operator must fix; printed as one line.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);