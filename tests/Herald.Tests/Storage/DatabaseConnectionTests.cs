using Herald.Storage;

namespace Herald.Tests.Storage;

public sealed class DatabaseConnectionTests
{
    [Theory]
    [InlineData("Data Source=data/herald.db", DatabaseProvider.Sqlite)]
    [InlineData("Filename=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=127.0.0.1;Database=herald;Username=herald", DatabaseProvider.PostgreSql)]
    [InlineData("Server=db;Port=5433;Database=herald", DatabaseProvider.PostgreSql)]
    public void The_provider_follows_from_the_connection_string(string connectionString, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseConnection.Parse(connectionString).Provider);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Foo=bar")]
    [InlineData("just some words")]
    [InlineData("Host=x;Port=notaport")]
    [InlineData("Data Source=x.db;Mode=Sideways")]
    public void Bad_connection_strings_are_refused_with_a_message(string connectionString)
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => DatabaseConnection.Parse(connectionString));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Descriptions_never_show_a_password()
    {
        var connection = DatabaseConnection.Parse("Host=db;Database=herald;Username=u;Password=hunter2");

        Assert.DoesNotContain("hunter2", connection.Describe());
    }

    [Fact]
    public void Without_a_setting_herald_uses_sqlite_in_the_data_folder()
    {
        var previous = Environment.GetEnvironmentVariable("HERALD_DB");
        Environment.SetEnvironmentVariable("HERALD_DB", null);
        try
        {
            var connection = DatabaseConnection.Resolve(null);
            Assert.Equal(Path.GetFullPath("data/herald.db"), connection.SqliteFile);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HERALD_DB", previous);
        }
    }
}