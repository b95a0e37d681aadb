using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Storage;

public static class StorageServices
{
    /// <summary>
    /// Registers the provider's DbContext and makes it available as <see cref="HeraldDbContext"/>.
    /// Interceptors registered in DI (tests count queries with one) are attached to every context.
    /// </summary>
    /// <param name="workload">A server's or a bulk command's, which decides how SQLite connections are tuned (<see cref="SqliteConnectionTuning"/>).</param>
    /// <param name="sqliteMapBytes">How much of a SQLite file a server reads memory-mapped; bulk commands map none.</param>
    public static IServiceCollection AddHeraldStorage(this IServiceCollection services, DatabaseConnection database, DatabaseWorkload workload, long sqliteMapBytes = 0)
    {
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Connections stay open between scopes (a server's requests, a bulk command's batches), and with
            // them the statements they prepared (StatementReusingConnection): preparing costs more than running.
            var tuning = SqliteConnectionTuning.For(workload, sqliteMapBytes);
            services.AddSingleton(_ => new OpenSqliteConnections(database.ConnectionString, tuning.Pragma, tuning.IdleConnections));
            services.AddScoped<SqliteConnectionLease>();
            // Each context carries its scope's lease, so the options (and the interceptor that reads the lease
            // from the context) are made once: built per scope, they cost a visible share of a small page's CPU.
            services.AddScoped(provider => new SqliteHeraldDbContext(
                provider.GetRequiredService<DbContextOptions<SqliteHeraldDbContext>>(), provider.GetRequiredService<SqliteConnectionLease>()));
            services.AddDbContext<SqliteHeraldDbContext>((provider, options) =>
            {
                // Given by an interceptor rather than by UseSqlite(connection): EF Core registers its SQL
                // functions again on a connection it is given, and SQLite expires every prepared statement
                // of a connection whose functions are registered again.
                options.UseSqlite(database.ConnectionString);
                options.AddInterceptors(LeasedConnectionInterceptor.Instance);
                Configure(options, provider);
            }, optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<HeraldDbContext>(provider => provider.GetRequiredService<SqliteHeraldDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresHeraldDbContext>((provider, options) =>
                Configure(options.UseNpgsql(database.ConnectionString), provider), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<HeraldDbContext>(provider => provider.GetRequiredService<PostgresHeraldDbContext>());
        }
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Interceptors are read once, when the options are made: they are singletons (tests count queries with one).</summary>
    private static void Configure(DbContextOptionsBuilder options, IServiceProvider provider)
    {
        options.AddInterceptors(provider.GetServices<IInterceptor>());
    }
}