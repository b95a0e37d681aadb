using Herald.Hosting.Configuration;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// An operator may let pictures load from the hosts an imported archive still keeps them on; the
/// content policy names exactly those origins for pictures, and nothing that could widen it further.
/// </summary>
public sealed class RemoteImageHostTests
{
    [Fact]
    public async Task Named_hosts_are_allowed_for_pictures_only()
    {
        using var folder = new TempFolder();
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        await using var server = await HeraldTestServer.StartAsync(database, demo: false,
            adjust: o => o with { RemoteImageHosts = ServeSettings.ReadRemoteImageHosts("https://media.example.org, https://*.cdn.example.org/") });
        using var client = server.CreateClient();

        var policy = (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("img-src 'self' data: https://media.example.org https://*.cdn.example.org;", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("default-src 'self';", policy);
    }

    [Fact]
    public void By_default_pictures_come_from_herald_alone() =>
        Assert.Empty(ServeSettings.ReadRemoteImageHosts(null));

    [Theory]
    [InlineData("https://media.example.org/wp-content/uploads")]
    [InlineData("https://media.example.org; script-src *")]
    [InlineData("https://media.example.org 'unsafe-inline'")]
    [InlineData("javascript:alert(1)")]
    [InlineData("*")]
    [InlineData("https://user@media.example.org")]
    [InlineData("ftp://media.example.org")]
    public void Anything_but_a_scheme_and_a_host_is_refused_naming_the_setting(string value)
    {
        var refusal = Assert.Throws<SettingException>(() => ServeSettings.ReadRemoteImageHosts(value));
        Assert.Contains("--remote-image-hosts", refusal.Message);
    }
}