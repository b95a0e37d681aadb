using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Storage;

public static class StorageServices
{
    /// <summary>
    /// Registers the provider's DbContext and makes it available as <see cref="HeraldDbContext"/>.
    /// Interceptors registered in DI (tests count queries with one) are attached to every context.
    /// </summary>
    /// <param name="sqliteMapBytes">How much of a SQLite file to read memory-mapped; null for bulk commands (see <see cref="SqliteConnectionTuning"/>).</param>
    public static IServiceCollection AddHeraldStorage(this IServiceCollection services, DatabaseConnection database, long? sqliteMapBytes)
    {
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var tuning = new SqliteConnectionTuning(sqliteMapBytes);
            if (sqliteMapBytes is not null)
            {
                // A server keeps its connections open between requests, and with them the statements
                // they prepared (StatementReusingConnection); bulk commands open and close as before.
                services.AddSingleton(_ => new OpenSqliteConnections(database.ConnectionString, tuning.Pragma));
                services.AddScoped<SqliteConnectionLease>();
            }
            services.AddDbContext<SqliteHeraldDbContext>((provider, options) =>
            {
                if (sqliteMapBytes is null)
                {
                    options.UseSqlite(database.ConnectionString);
                    options.AddInterceptors(tuning);
                }
                else
                {
                    // Given by an interceptor rather than by UseSqlite(connection): EF Core registers its SQL
                    // functions again on a connection it is given, and SQLite expires every prepared statement
                    // of a connection whose functions are registered again.
                    options.UseSqlite(database.ConnectionString);
                    options.AddInterceptors(new LeasedConnectionInterceptor(provider.GetRequiredService<SqliteConnectionLease>()));
                }
                Configure(options, provider);
            });
            services.AddScoped<HeraldDbContext>(provider => provider.GetRequiredService<SqliteHeraldDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresHeraldDbContext>((provider, options) =>
                Configure(options.UseNpgsql(database.ConnectionString), provider));
            services.AddScoped<HeraldDbContext>(provider => provider.GetRequiredService<PostgresHeraldDbContext>());
        }
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, IServiceProvider provider)
    {
        options.AddInterceptors(provider.GetServices<IInterceptor>());
    }
}