using System.Net;
using Herald.Accounts;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Accounts;

/// <summary>herald user reset-password through the real executable, then the site it changed over HTTP.</summary>
[Trait("Tier", "Slow")]
public sealed class ResetPasswordCommandTests
{
    [Fact]
    public async Task A_password_from_standard_input_or_the_option_replaces_the_old_one()
    {
        using var folder = new TempFolder();
        var db = $"Data Source={Path.Combine(folder.Path, "herald.db")}";
        Assert.Equal(0, (await HeraldProcess.RunAsync("user", "add", "night.desk@example.org", "--role", "Editor", "--password", "the first password", "--db", db)).Exit);

        var piped = await HeraldProcess.RunWithInputAsync("a piped-in password\n", "user", "reset-password", "night.desk@example.org", "--db", db);
        Assert.True(piped.Exit == 0, piped.Errors);
        Assert.Contains("The password of night.desk@example.org is changed", piped.Output);
        await AssertSignInAsync(db, "night.desk@example.org", accepted: "a piped-in password", refused: "the first password");

        var given = await HeraldProcess.RunAsync("user", "reset-password", "night.desk@example.org", "--password", "an option's password", "--db", db);
        Assert.True(given.Exit == 0, given.Errors);
        await AssertSignInAsync(db, "night.desk@example.org", accepted: "an option's password", refused: "a piped-in password");

        var tooShort = await HeraldProcess.RunAsync("user", "reset-password", "night.desk@example.org", "--password", "short", "--db", db);
        Assert.Equal(1, tooShort.Exit);
        Assert.StartsWith("herald: Passwords must be at least 12 characters.", Assert.Single(Lines(tooShort.Errors)));
    }

    [Fact]
    public async Task A_missing_account_is_one_line_and_a_failure()
    {
        using var folder = new TempFolder();
        var db = $"Data Source={Path.Combine(folder.Path, "herald.db")}";

        var missing = await HeraldProcess.RunAsync("user", "reset-password", "ghost@example.org", "--password", "a long enough password", "--db", db);
        Assert.Equal(1, missing.Exit);
        Assert.Equal("herald: There is no account for ghost@example.org.", Assert.Single(Lines(missing.Errors)));

        var noPassword = await HeraldProcess.RunWithInputAsync("", "user", "reset-password", "ghost@example.org", "--db", db);
        Assert.Equal(2, noPassword.Exit);
        Assert.Contains("needs the new password", Assert.Single(Lines(noPassword.Errors)));

        var noAddress = await HeraldProcess.RunAsync("user", "reset-password", "ghost@example.org", "--link", "--db", db);
        Assert.Equal(2, noAddress.Exit);
        Assert.Contains("--link needs the address readers use", Assert.Single(Lines(noAddress.Errors)));
    }

    [Fact]
    public async Task A_printed_link_opens_on_the_site_and_works_once()
    {
        using var folder = new TempFolder();
        var db = $"Data Source={Path.Combine(folder.Path, "herald.db")}";
        Assert.Equal(0, (await HeraldProcess.RunAsync("user", "add", "away@example.org", "--role", "Author", "--password", "the old password", "--db", db)).Exit);

        var printed = await HeraldProcess.RunAsync("user", "reset-password", "away@example.org", "--link", "--public-url", "https://news.example.org", "--db", db);
        Assert.True(printed.Exit == 0, printed.Errors);
        var (link, pathAndQuery) = ResetLinks.In(printed.Output);
        Assert.StartsWith("https://news.example.org/newsroom/reset-password?", link);

        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(db), demo: false);
        using var person = NewsroomSession.Anonymous(server);
        var changed = await person.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "set from the link", ["Form.Confirm"] = "set from the link" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await person.Client.GetAsync(pathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "away@example.org", ["Form.Password"] = "set from the link" })).StatusCode);
    }

    private static async Task AssertSignInAsync(string db, string email, string accepted, string refused)
    {
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(db), demo: false);
        using var browser = NewsroomSession.Anonymous(server);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = refused })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = accepted })).StatusCode);
        await server.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}