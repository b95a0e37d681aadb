using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Hosting.Configuration;
using Herald.Newsroom.Trash;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Newsroom;

/// <summary>The trash keeps a story for the site's retention, then deletes it for good; a fake clock stands in for the month.</summary>
public sealed class TrashPurgeTests
{
    [Fact]
    public async Task A_trashed_story_is_deleted_for_good_once_the_retention_has_passed_and_not_a_moment_before()
    {
        using var folder = new TempFolder("herald-trash-purge");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"),
            demo: false, configureServices: s => s.AddSingleton<TimeProvider>(clock), adjust: o => o with { TrashRetention = TimeSpan.FromDays(7) });
        using var editor = await NewsroomSession.SignInAsync(server, "purge-editor@example.org", Roles.Editor);
        var kept = await editor.WriteAsync("Pier lights story to keep", "Still wanted.", "publish");
        var expiring = await editor.WriteAsync("Pier lights story to let go", "Not wanted.", "publish");
        var url = await NewsroomWriting.PublicUrlAsync(server, expiring);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/articles/edit/{expiring}?handler=delete", new() { ["confirm"] = "trash" }, "/newsroom")).StatusCode);
        var purger = server.Services.GetServices<IHostedService>().OfType<TrashPurger>().Single();

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await purger.PurgeExpiredAsync(CancellationToken.None));
        using var reader = server.CreateClient();
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync(url)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await purger.PurgeExpiredAsync(CancellationToken.None));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        Assert.False(await db.Articles.AnyAsync(a => a.Id == expiring));
        Assert.False(await db.ArticleRevisions.AnyAsync(r => r.ArticleId == expiring));
        Assert.Equal(ArticleStatus.Published, (await NewsroomWriting.LoadAsync(server, kept)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_purger_runs_on_its_own_on_the_site_clock()
    {
        using var folder = new TempFolder("herald-trash-timer");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await HeraldTestServer.StartAsync(DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"),
            demo: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var editor = await NewsroomSession.SignInAsync(server, "purge-timer@example.org", Roles.Editor);
        var id = await editor.WriteAsync("A draft nobody wants", "Words.");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/newsroom/articles/edit/{id}?handler=delete", [], "/newsroom")).StatusCode);

        // The default retention is thirty days; the purger wakes every hour of the fake clock.
        clock.Advance(TimeSpan.FromDays(30) + TrashPurger.Interval);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        bool exists;
        do
        {
            await Task.Delay(100);
            clock.Advance(TrashPurger.Interval);
            await using var scope = server.Services.CreateAsyncScope();
            exists = await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Articles.AnyAsync(a => a.Id == id);
        }
        while (exists && DateTime.UtcNow < deadline);
        Assert.False(exists);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("7", 7)]
    [InlineData(" 365 ", 365)]
    public void The_retention_is_read_in_days(string? value, int days) =>
        Assert.Equal(TimeSpan.FromDays(days), ServeSettings.ReadTrashRetention(value));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("3651")]
    [InlineData("a month")]
    [InlineData("7.5")]
    public void A_retention_that_is_not_a_sensible_number_of_days_stops_start_up_with_its_name(string value)
    {
        var refused = Assert.Throws<SettingException>(() => ServeSettings.ReadTrashRetention(value));
        Assert.Contains("HERALD_TRASH_DAYS", refused.Message + refused.Setting.Variable);
    }
}