using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Herald.Tests.Storage;

/// <summary>
/// Each provider's migrations, applied to an empty database, give exactly the schema the model
/// describes: no model change without its migration, every table, column and index present,
/// and the hand-written search structures there too.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task Sqlite_migrations_build_the_schema_the_model_describes()
    {
        using var folder = new TempFolder();
        var connection = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "schema.db")}");
        await using var db = Open(connection);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
        await db.Database.MigrateAsync();

        var schema = await SqliteSchemaAsync(db);
        AssertMatchesModel(db.Model, schema);
        Assert.Contains("ArticleSearch", schema.Tables.Keys);
        Assert.Contains("IX_Articles_SearchFilter", schema.Indexes);
        foreach (var trigger in new[] { "ArticleSearch_Insert", "ArticleSearch_Update", "ArticleSearch_Delete" }.Concat(Herald.Storage.Migrations.ArchiveSchema.SqliteTriggers))
        {
            Assert.Contains(trigger, schema.Triggers);
        }
    }

    [SkippableFact]
    public async Task Postgres_migrations_build_the_schema_the_model_describes()
    {
        var server = await PostgresServer.GetAsync();
        RequiredService.SkipUnlessAvailable(server is not null, PostgresServer.Unavailable);
        var connection = DatabaseConnection.Parse(server!.NewDatabase("schema"));
        await using var db = Open(connection);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
        await db.Database.MigrateAsync();

        var schema = await PostgresSchemaAsync(db);
        AssertMatchesModel(db.Model, schema);
        Assert.Contains("SearchVector", schema.Tables["Articles"]);
        Assert.Contains("HeadlineVector", schema.Tables["Articles"]);
        Assert.Contains("IX_Articles_SearchVector", schema.Indexes);
        foreach (var trigger in new[] { "ArchiveEntries_ArticleAdded", "ArchiveEntries_ArticleChanged", "ArchiveEntries_SectionChanged", "ArchiveEntries_TagChanged", "ArchiveEntries_AuthorChanged" })
        {
            Assert.Contains(trigger, schema.Triggers);
        }
    }

    [Fact]
    public async Task A_database_from_before_the_squash_is_refused_with_advice()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "old.db");
        var connection = DatabaseConnection.Parse($"Data Source={file}");
        await using (var db = Open(connection))
        {
            await db.Database.MigrateAsync();
            // A pre-release database names migrations this build no longer has.
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261129001637_Initial', '10.0.15');""");
        }

        var services = new ServiceCollection().AddLogging().AddHeraldStorage(connection, DatabaseWorkload.Bulk).BuildServiceProvider();
        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(
            () => services.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        Assert.Contains("20261129001637_Initial", error.Message);
        Assert.Contains("export", error.Message);
    }

    private static HeraldDbContext Open(DatabaseConnection connection) =>
        new ServiceCollection().AddLogging().AddHeraldStorage(connection, DatabaseWorkload.Bulk)
            .BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<HeraldDbContext>();

    private static void AssertMatchesModel(IModel model, DatabaseSchema schema)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            Assert.True(schema.Tables.ContainsKey(table), $"Table {table} ({entity.DisplayName()}) is missing.");
            var identifier = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(identifier);
                if (column is not null)
                {
                    Assert.True(schema.Tables[table].Contains(column), $"Column {table}.{column} is missing.");
                }
            }
            foreach (var index in entity.GetIndexes())
            {
                var name = index.GetDatabaseName(identifier);
                Assert.True(name is null || schema.Indexes.Contains(name), $"Index {name} on {table} is missing.");
            }
        }
    }

    private sealed record DatabaseSchema(Dictionary<string, HashSet<string>> Tables, HashSet<string> Indexes, HashSet<string> Triggers);

    private static async Task<DatabaseSchema> SqliteSchemaAsync(HeraldDbContext db)
    {
        var tables = new Dictionary<string, HashSet<string>>();
        var indexes = new HashSet<string>();
        var triggers = new HashSet<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type, name FROM sqlite_master";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (type, name) = (reader.GetString(0), reader.GetString(1));
                _ = type switch
                {
                    "table" => tables.TryAdd(name, []),
                    "index" => indexes.Add(name),
                    "trigger" => triggers.Add(name),
                    _ => false,
                };
            }
        }
        foreach (var (table, columns) in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }
        return new DatabaseSchema(tables, indexes, triggers);
    }

    private static async Task<DatabaseSchema> PostgresSchemaAsync(HeraldDbContext db)
    {
        var tables = new Dictionary<string, HashSet<string>>();
        var indexes = new HashSet<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!tables.TryGetValue(table, out var columns))
                {
                    tables[table] = columns = [];
                }
                columns.Add(reader.GetString(1));
            }
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }
        var triggers = new HashSet<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add(reader.GetString(0));
            }
        }
        return new DatabaseSchema(tables, indexes, triggers);
    }
}