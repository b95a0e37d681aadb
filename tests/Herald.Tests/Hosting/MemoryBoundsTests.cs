using Herald.Hosting;
using Herald.Hosting.Configuration;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Hosting;

/// <summary>
/// What bounds a serving process's resident memory: the pages the output cache keeps (--page-cache-mb)
/// and how much of the SQLite file each connection maps (--sqlite-map-mb). Read from flags and the
/// environment, refused when out of range, and really applied to the store and to every connection.
/// </summary>
public sealed class MemoryBoundsTests
{
    [Fact]
    public void Without_either_setting_the_defaults_apply()
    {
        var options = Read([]);

        Assert.Equal(ServeOptions.DefaultPageCacheMiB, options.PageCacheMiB);
        Assert.Equal(ServeOptions.DefaultSqliteMapMiB, options.SqliteMapMiB);
        Assert.Equal(options.PageCacheBytes / 2, options.FrontPageBytes);
    }

    [Fact]
    public void The_flag_wins_over_the_variable_and_zero_turns_the_map_off()
    {
        var options = Read(["--page-cache-mb", "12", "--sqlite-map-mb", "0"],
            new() { ["HERALD_PAGE_CACHE_MB"] = "99", ["HERALD_SQLITE_MAP_MB"] = "64" });
        Assert.Equal((12, 0), (options.PageCacheMiB, options.SqliteMapMiB));

        var fromEnvironment = Read([], new() { ["HERALD_PAGE_CACHE_MB"] = "99", ["HERALD_SQLITE_MAP_MB"] = "64" });
        Assert.Equal((99, 64), (fromEnvironment.PageCacheMiB, fromEnvironment.SqliteMapMiB));
    }

    [Theory]
    [InlineData("--page-cache-mb", "0", "--page-cache-mb (HERALD_PAGE_CACHE_MB): \"0\" is not a whole number of MiB from 1 to 4096.")]
    [InlineData("--page-cache-mb", "lots", "--page-cache-mb (HERALD_PAGE_CACHE_MB): \"lots\" is not a whole number of MiB from 1 to 4096.")]
    [InlineData("--sqlite-map-mb", "-1", "--sqlite-map-mb (HERALD_SQLITE_MAP_MB): \"-1\" is not a whole number of MiB from 0 to 65536.")]
    public void A_size_out_of_range_is_refused_naming_the_setting(string flag, string value, string expected)
    {
        var refusal = Assert.Throws<SettingException>(() => Read([flag, value]));

        Assert.Equal(expected, refusal.Message);
    }

    [Fact]
    public async Task The_store_the_front_copies_and_every_connection_get_the_configured_sizes()
    {
        using var folder = new TempFolder("herald-memory-bounds");
        await using var server = await HeraldTestServer.StartAsync(
            DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"), demo: false,
            adjust: options => options with { PageCacheMiB = 3, SqliteMapMiB = 5 });

        Assert.Equal(3L << 20, server.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
        Assert.Equal(3L << 19, server.Services.GetRequiredService<FrontPages>().MaxBytes);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        Assert.Equal(5L << 20, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_output_cache_keeps_no_more_page_bytes_than_its_size()
    {
        using var folder = new TempFolder("herald-memory-bounds");
        await using var server = await HeraldTestServer.StartAsync(
            DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}"), demo: false,
            adjust: options => options with { PageCacheMiB = 1 });
        var store = server.Services.GetRequiredService<IOutputCacheStore>();
        var page = new byte[300 * 1024];

        for (var i = 0; i < 8; i++)
        {
            await store.SetAsync($"page-{i}", page, [CacheTags.Site], TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        var kept = 0;
        for (var i = 0; i < 8; i++)
        {
            kept += await store.GetAsync($"page-{i}", CancellationToken.None) is null ? 0 : 1;
        }
        Assert.InRange(kept, 1, 3);
    }

    private static ServeOptions Read(string[] flags, Dictionary<string, string>? environment = null) =>
        ServeSettings.Read(CommandLineArguments.Parse(flags, ServeSettings.Switches.ToHashSet()),
            name => environment?.GetValueOrDefault(name), (IEnumerable<string>?)environment?.Keys ?? []);
}