using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Herald.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting Herald.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHeraldDbContext>
{
    public SqliteHeraldDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHeraldDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHeraldDbContext>
{
    public PostgresHeraldDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHeraldDbContext>().UseNpgsql("Host=localhost;Database=herald_design").Options);
}