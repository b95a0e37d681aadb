using System.Diagnostics;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>
/// `herald serve` with a bad setting, as an operator would start it: it exits before serving,
/// with one line on standard error that names the setting, and never a stack trace.
/// </summary>
public sealed class StartupRefusalTests
{
    private static readonly string HeraldDll = Path.Combine(AppContext.BaseDirectory, "herald.dll");

    [Theory]
    [InlineData("--public-url", "news.example.org", "--public-url (HERALD_PUBLIC_URL): \"news.example.org\" is not an absolute http:// or https:// address.")]
    [InlineData("--public-url", "https://news.example.org/herald", "--public-url (HERALD_PUBLIC_URL): \"https://news.example.org/herald\" must be a scheme and host only")]
    [InlineData("--trusted-proxies", "10.0.0.1,proxy.internal", "--trusted-proxies (HERALD_TRUSTED_PROXIES): \"proxy.internal\" is not an IP address or network")]
    [InlineData("--trusted-proxies", "10.0.0.0/40", "--trusted-proxies (HERALD_TRUSTED_PROXIES): \"10.0.0.0/40\" is not an IP address or network")]
    [InlineData("--log-format", "xml", "--log-format (HERALD_LOG_FORMAT): \"xml\" is not a log format")]
    [InlineData("--media-store", "s3", "--media-store (HERALD_MEDIA_STORE): \"s3\" is not a media store; use folder or database.")]
    [InlineData("--urls", "https://127.0.0.1:0", "--https-cert (HERALD_HTTPS_CERT): --urls (HERALD_URLS) names an https:// address")]
    [InlineData("--urls", "ftp://127.0.0.1:21", "--urls (HERALD_URLS): \"ftp://127.0.0.1:21\" must start with http:// or https://.")]
    [InlineData("--metrics-urls", "http://127.0.0.1:5000", "--metrics-urls (HERALD_METRICS_URLS): port 5000 is also a public port")]
    [InlineData("--metrics-urls", "http://127.0.0.1:0", "--metrics-urls (HERALD_METRICS_URLS): \"http://127.0.0.1:0\" must name one fixed port")]
    [InlineData("--smtp-port", "587", "--smtp-port (HERALD_SMTP_PORT): given without --smtp-host (HERALD_SMTP_HOST)")]
    [InlineData("--smtp-host", "smtp.example.org", "--smtp-from (HERALD_SMTP_FROM): missing")]
    public async Task A_bad_flag_value_is_one_line_naming_the_setting(string flag, string value, string expected)
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, [flag, value]);

        Assert.Equal(2, exit);
        Assert.StartsWith("herald: " + expected, SingleLine(errors));
    }

    [Fact]
    public async Task A_bad_environment_variable_is_named_as_well()
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, [], new() { ["HERALD_PUBLIC_URL"] = "ftp://news.example.org" });

        Assert.Equal(2, exit);
        Assert.StartsWith("herald: --public-url (HERALD_PUBLIC_URL): \"ftp://news.example.org\"", SingleLine(errors));
    }

    [Fact]
    public async Task An_unknown_setting_in_the_environment_is_refused()
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, [], new() { ["HERALD_PUBLIC_URI"] = "https://news.example.org" });

        Assert.Equal(2, exit);
        Assert.Equal("herald: Unknown setting HERALD_PUBLIC_URI in the environment (Herald's settings are listed in docs/operations.md).", SingleLine(errors));
    }

    [Theory]
    [InlineData("Comments__MaxDepht", "3", "herald: Unknown setting Comments:MaxDepht (Comments__MaxDepht in the environment)")]
    [InlineData("Comments__MaxDepth", "deep", "herald: A setting of Comments cannot be read: Failed to convert configuration value 'deep' at 'Comments:MaxDepth'")]
    public async Task A_bad_comment_setting_is_refused_at_start_not_at_the_first_comment(string variable, string value, string expected)
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, [], new() { [variable] = value });

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, SingleLine(errors));
    }

    [Fact]
    public async Task An_unknown_flag_is_refused()
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, ["--public-uri", "https://news.example.org"]);

        Assert.Equal(2, exit);
        Assert.Equal("herald: Unknown option --public-uri.", SingleLine(errors));
    }

    [Fact]
    public async Task A_file_that_is_not_a_certificate_is_refused()
    {
        using var folder = new TempFolder();
        var notACertificate = Path.Combine(folder.Path, "site.pem");
        await File.WriteAllTextAsync(notACertificate, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        var (exit, errors) = await ServeAsync(folder, ["--urls", "https://127.0.0.1:0", "--https-cert", notACertificate]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"herald: --https-cert (HERALD_HTTPS_CERT): {notACertificate} cannot be read as a certificate", SingleLine(errors));
    }

    [SkippableFact]
    public async Task A_certificate_without_its_key_is_refused()
    {
        using var folder = new TempFolder();
        var (certificate, _) = await TestCertificate.CreateAsync(folder.Path);

        var (exit, errors) = await ServeAsync(folder, ["--urls", "https://127.0.0.1:0", "--https-cert", certificate]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"herald: --https-cert (HERALD_HTTPS_CERT): {certificate} cannot be read as a certificate", SingleLine(errors));
    }

    [Fact]
    public async Task A_missing_certificate_file_is_refused()
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, ["--urls", "https://127.0.0.1:0", "--https-cert", "/nonexistent/site.pem"]);

        Assert.Equal(2, exit);
        Assert.Equal("herald: --https-cert (HERALD_HTTPS_CERT): there is no file /nonexistent/site.pem.", SingleLine(errors));
    }

    [Fact]
    public async Task An_unwritable_media_folder_is_refused()
    {
        using var folder = new TempFolder();
        // Root may write anywhere, so the folder is made impossible: its parent is a file.
        var file = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "");

        var (exit, errors) = await ServeAsync(folder, ["--media-folder", Path.Combine(file, "media")]);

        Assert.Equal(2, exit);
        Assert.StartsWith("herald: --media-folder (HERALD_MEDIA_FOLDER): The data folder", SingleLine(errors));
    }

    [Fact]
    public async Task An_unreachable_database_is_refused()
    {
        using var folder = new TempFolder();

        var (exit, errors) = await ServeAsync(folder, [], new() { ["HERALD_DB"] = "Host=127.0.0.1;Port=1;Database=herald;Username=x;Timeout=3" });

        Assert.Equal(1, exit);
        Assert.StartsWith("herald: Cannot open the database (PostgreSQL database herald on 127.0.0.1:1)", SingleLine(errors));
    }

    private static string SingleLine(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line, got:\n{errors}");
        Assert.DoesNotContain("   at ", errors);
        return lines[0];
    }

    private static async Task<(int Exit, string Errors)> ServeAsync(TempFolder folder, string[] args, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        start.ArgumentList.Add(HeraldDll);
        start.ArgumentList.Add("serve");
        if (environment?.ContainsKey("HERALD_DB") != true)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("HERALD_", StringComparison.Ordinal) || k.StartsWith("Comments__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"herald serve {string.Join(' ', args)} did not stop within a minute; it should have refused to start.");
        }
        await output;
        return (process.ExitCode, await errors);
    }
}