using System.Net;
using Herald.Hosting.Configuration;
using Herald.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>Herald serving HTTPS itself from a PEM certificate and key made by openssl for the test.</summary>
public sealed class KestrelHttpsTests
{
    [SkippableFact]
    public async Task Kestrel_serves_https_from_a_pem_file_with_hsts()
    {
        using var folder = new TempFolder();
        var (certificatePath, keyPath) = await TestCertificate.CreateAsync(folder.Path);
        var certificate = CertificateFile.Load(ServeSettings.HttpsCert, certificatePath, keyPath, password: null);
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        await using var server = await HeraldTestServer.StartAsync(database, demo: false,
            adjust: o => o with { Urls = "https://127.0.0.1:0", HttpsCertificate = certificate });
        using var client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate!.Thumbprint,
        })
        { BaseAddress = server.Address };

        using var response = await client.GetAsync("/");

        Assert.Equal("https", server.Address.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        var html = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"https://{server.Address.Authority}/", html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task A_pem_certificate_with_its_key_in_the_same_file_loads()
    {
        using var folder = new TempFolder();
        var (certificatePath, keyPath) = await TestCertificate.CreateAsync(folder.Path);
        var combined = Path.Combine(folder.Path, "combined.pem");
        await File.WriteAllTextAsync(combined, await File.ReadAllTextAsync(certificatePath) + await File.ReadAllTextAsync(keyPath));

        var certificate = CertificateFile.Load(ServeSettings.HttpsCert, combined, keyPath: null, password: null);

        Assert.NotNull(certificate);
        Assert.True(certificate.HasPrivateKey);
    }
}