using Herald.Hosting;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Herald.Tests.Storage;

/// <summary>An older Herald started on a database a newer one migrated: refused with the way back, nothing changed.</summary>
public sealed class RollbackTests
{
    [Fact]
    public async Task A_database_migrated_by_a_newer_herald_is_refused_with_the_way_back()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "herald.db");
        var database = DatabaseConnection.Parse($"Data Source={file}");
        await using (var app = HeraldServer.Build(new ServeOptions { Database = database }, quiet: true))
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('99991231000000_FromTheFuture', '99.0.0');";
            await command.ExecuteNonQueryAsync();
        }

        await using var older = HeraldServer.Build(new ServeOptions { Database = database }, quiet: true);
        var refusal = await Assert.ThrowsAsync<DatabaseConfigurationException>(() => older.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        Assert.Contains("was upgraded by a newer Herald (it has migration 99991231000000_FromTheFuture", refusal.Message);
        Assert.Contains("restore the backup taken before the upgrade", refusal.Message);
        SqliteConnection.ClearAllPools();
    }
}