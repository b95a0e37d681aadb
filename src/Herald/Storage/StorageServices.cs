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
            services.AddDbContext<SqliteHeraldDbContext>((provider, options) =>
            {
                options.UseSqlite(database.ConnectionString);
                options.AddInterceptors(new SqliteConnectionTuning(sqliteMapBytes));
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