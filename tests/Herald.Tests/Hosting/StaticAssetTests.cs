using System.Text.RegularExpressions;
using Herald.Hosting;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// Stylesheets and scripts go out under addresses carrying a hash of their content, kept a year;
/// any other address of the same file is revalidated, so a style change reaches readers at once.
/// </summary>
public sealed class StaticAssetTests
{
    [Fact]
    public async Task Pages_name_assets_by_content_hash_and_only_those_addresses_are_kept_a_year()
    {
        using var folder = new TempFolder();
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        await using var server = await HeraldTestServer.StartAsync(database, demo: false);
        using var client = server.CreateClient();

        var home = await client.GetStringAsync("/");
        var stylesheet = AssetAddress("/css/site.css", home);
        var script = AssetAddress("/js/site.js", home);
        var icon = AssetAddress("/favicon.svg", home);

        foreach (var address in new[] { stylesheet, script, icon })
        {
            var versioned = await client.GetAsync(address);
            versioned.EnsureSuccessStatusCode();
            Assert.Equal(StaticAssets.VersionedCacheControl, versioned.Headers.CacheControl?.ToString());

            var bare = await client.GetAsync(address[..address.IndexOf('?')]);
            bare.EnsureSuccessStatusCode();
            Assert.Equal(StaticAssets.UnversionedCacheControl, bare.Headers.CacheControl?.ToString());
            Assert.Equal(await versioned.Content.ReadAsStringAsync(), await bare.Content.ReadAsStringAsync());
        }

        var stale = await client.GetAsync("/css/site.css?v=an-older-version");
        Assert.Equal(StaticAssets.UnversionedCacheControl, stale.Headers.CacheControl?.ToString());
    }

    private static string AssetAddress(string path, string page)
    {
        var match = Regex.Match(page, $"(?:href|src)=\"({Regex.Escape(path)}\\?v=[A-Za-z0-9_-]+)\"");
        Assert.True(match.Success, $"the page names {path} without its content hash");
        return match.Groups[1].Value;
    }
}