using System.Diagnostics;

namespace Herald.Tests.Infrastructure;

/// <summary>A throw-away self-signed certificate for 127.0.0.1 and localhost, made with Debian's openssl.</summary>
public static class TestCertificate
{
    public static bool Available => File.Exists("/usr/bin/openssl");

    /// <summary>Writes cert.pem and key.pem into the folder and returns their paths.</summary>
    public static async Task<(string Certificate, string Key)> CreateAsync(string folder)
    {
        RequiredService.SkipUnlessAvailable(Available, "openssl is not installed; install Debian's openssl package.");
        var certificate = Path.Combine(folder, "cert.pem");
        var key = Path.Combine(folder, "key.pem");
        var start = new ProcessStartInfo("/usr/bin/openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", certificate,
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl failed: {await errors}");
        }
        return (certificate, key);
    }
}