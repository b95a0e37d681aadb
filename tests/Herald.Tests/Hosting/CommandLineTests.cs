using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>The herald executable as an operator runs it: exit codes and the one line it prints.</summary>
[Trait("Tier", "Slow")]
public sealed class CommandLineTests
{
    [Fact]
    public async Task A_connection_string_naming_no_database_is_one_clear_line()
    {
        var (exit, output, errors) = await RunAsync("serve", "--db", "Foo=bar");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith("herald: The database connection string names no database", line);
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_one_clear_line()
    {
        var (exit, _, errors) = await RunAsync("serve", "--db", "Data Source=/proc/herald-cannot-write/herald.db");

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.Contains("is not writable", line);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_one_clear_line()
    {
        var (exit, _, errors) = await RunAsync("serve", "--db", "Host=127.0.0.1;Port=1;Database=herald;Username=x;Timeout=3");

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith("herald: Cannot open the database (PostgreSQL database herald on 127.0.0.1:1)", line);
    }

    [Fact]
    public async Task User_add_creates_an_account_and_prints_a_generated_password()
    {
        using var folder = new TempFolder();
        var db = $"Data Source={Path.Combine(folder.Path, "herald.db")}";

        var (exit, output, errors) = await RunAsync("user", "add", "chief@example.org", "--role", "Administrator", "--db", db);
        Assert.True(exit == 0, errors);
        Assert.Contains("Added chief@example.org as Administrator.", output);
        Assert.Matches(@"Password: \S{20}", output);

        var again = await RunAsync("user", "add", "chief@example.org", "--role", "Editor", "--db", db);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already exists", again.Errors);
    }

    [Theory]
    [InlineData("Boss")]
    [InlineData("")]
    public async Task User_add_refuses_an_unknown_role(string role)
    {
        using var folder = new TempFolder();
        var (exit, _, errors) = await RunAsync("user", "add", "a@example.org", "--role", role, "--db", $"Data Source={folder.Path}/h.db");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown role", errors);
    }

    [Fact]
    public async Task User_add_refuses_a_malformed_address()
    {
        using var folder = new TempFolder();
        var (exit, _, errors) = await RunAsync("user", "add", "not-an-address", "--role", "Author", "--db", $"Data Source={folder.Path}/h.db");

        Assert.Equal(1, exit);
        Assert.Contains("is not an e-mail address", errors);
    }

    [Fact]
    public async Task Analyze_prints_one_json_object_with_quotes_and_speakers()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "summit.md");
        await File.WriteAllTextAsync(file, "“China will play a constructive role,” Xi Jinping said on Tuesday.\n");

        var (exit, output, errors) = await RunAsync("analyze", file, "--json");

        Assert.True(exit == 0, errors);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var quote = json.RootElement.GetProperty("quotes")[0];
        Assert.Equal("Xi Jinping", quote.GetProperty("speaker").GetString());
        Assert.Equal("direct", quote.GetProperty("kind").GetString());
        Assert.True(json.RootElement.TryGetProperty("checks", out _));
        // How sure, and why: on every quotation and every entity.
        Assert.InRange(quote.GetProperty("confidence").GetDouble(), 0.8, 1);
        Assert.NotEmpty(quote.GetProperty("evidence").EnumerateArray());
        foreach (var entity in json.RootElement.GetProperty("entities").EnumerateArray())
        {
            Assert.InRange(entity.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, entity.GetProperty("evidence").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, entity.GetProperty("aliases").ValueKind);
        }
    }

    [Fact]
    public async Task Analyze_refuses_a_missing_file()
    {
        var (exit, _, errors) = await RunAsync("analyze", "/nonexistent/article.md");

        Assert.Equal(2, exit);
        Assert.Contains("There is no file", errors);
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage_and_exits_2()
    {
        var (exit, _, errors) = await RunAsync("publish-everything");

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", errors);
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var (exit, _, errors) = await RunAsync("serve", "--dbb", "x");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown option --dbb", errors);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Task<HeraldProcess.Outcome> RunAsync(params string[] args) => HeraldProcess.RunAsync(args);
}