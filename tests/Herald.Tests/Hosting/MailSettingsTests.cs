using Herald.Accounts.Mail;
using Herald.Hosting;
using Herald.Hosting.Configuration;

namespace Herald.Tests.Hosting;

/// <summary>The --smtp-* settings: what a complete configuration gives, and a one-line refusal for each half-made or bad one.</summary>
public sealed class MailSettingsTests
{
    [Fact]
    public void No_smtp_setting_means_no_mail()
    {
        Assert.Null(Read([]));
    }

    [Fact]
    public void A_complete_configuration_is_read_with_its_defaults()
    {
        var server = Read(["--smtp-host", "smtp.example.org", "--smtp-from", "Herald newsroom <newsroom@example.org>"])!;

        Assert.Equal("smtp.example.org", server.Host);
        Assert.Equal(587, server.Port);
        Assert.Equal(MailTls.StartTls, server.Tls);
        Assert.Null(server.User);
        Assert.Equal("newsroom@example.org", server.From.Address);
        Assert.Equal("Herald newsroom", server.From.Name);
    }

    [Fact]
    public void Tls_from_the_first_byte_defaults_to_port_465_and_the_password_comes_from_the_environment()
    {
        var server = Read(["--smtp-host", "mail.example.org", "--smtp-tls", "TLS", "--smtp-user", "herald", "--smtp-from", "newsroom@example.org"],
            new() { ["HERALD_SMTP_PASSWORD"] = "a secret" })!;

        Assert.Equal(465, server.Port);
        Assert.Equal(MailTls.Tls, server.Tls);
        Assert.Equal(("herald", "a secret"), (server.User, server.Password));
        Assert.DoesNotContain("a secret", server.ToString());
    }

    [Theory]
    [InlineData(new[] { "--smtp-from", "newsroom@example.org" }, "--smtp-from (HERALD_SMTP_FROM): given without --smtp-host (HERALD_SMTP_HOST)")]
    [InlineData(new[] { "--smtp-host", "smtp.example.org" }, "--smtp-from (HERALD_SMTP_FROM): missing")]
    [InlineData(new[] { "--smtp-host", "smtp example org", "--smtp-from", "a@example.org" }, "--smtp-host (HERALD_SMTP_HOST): \"smtp example org\" is not a host name")]
    [InlineData(new[] { "--smtp-host", "smtp.example.org", "--smtp-from", "a@example.org", "--smtp-port", "70000" }, "--smtp-port (HERALD_SMTP_PORT): \"70000\" is not a port number from 1 to 65535.")]
    [InlineData(new[] { "--smtp-host", "smtp.example.org", "--smtp-from", "a@example.org", "--smtp-tls", "ssl" }, "--smtp-tls (HERALD_SMTP_TLS): \"ssl\" is not a TLS mode; use starttls, tls or none.")]
    [InlineData(new[] { "--smtp-host", "smtp.example.org", "--smtp-from", "a@example.org", "--smtp-user", "herald" }, "--smtp-password (HERALD_SMTP_PASSWORD): --smtp-user (HERALD_SMTP_USER) and --smtp-password (HERALD_SMTP_PASSWORD) go together")]
    [InlineData(new[] { "--smtp-host", "smtp.example.org", "--smtp-from", "the newsroom" }, "--smtp-from (HERALD_SMTP_FROM): \"the newsroom\" is not an e-mail address")]
    public void A_bad_or_half_made_configuration_is_refused_naming_the_setting(string[] flags, string expected)
    {
        var refusal = Assert.Throws<SettingException>(() => Read(flags));

        Assert.StartsWith(expected, refusal.Message);
    }

    private static MailServer? Read(string[] flags, Dictionary<string, string>? environment = null) =>
        MailSettings.Read(CommandLineArguments.Parse(flags, new HashSet<string>()), name => environment?.GetValueOrDefault(name));
}