using Herald.Accounts.Mail;
using Herald.Hosting;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Accounts;

/// <summary>A demo site whose operator named a mail server: a real SMTP server on a loopback port, and a public address.</summary>
public class MailSiteFixture : SqliteSiteFixture
{
    /// <summary>Not the address the test server listens on: reset links must start with the configured public URL. (http: an https one makes
    /// cookies Secure, which a test talking plain HTTP to Kestrel cannot carry.)</summary>
    public static readonly Uri PublicUrl = new("http://news.example.test");

    public SmtpCatcher Mailbox { get; } = new();

    protected override ServeOptions AdjustOptions(ServeOptions options) => options with
    {
        PublicUrl = PublicUrl,
        Mail = new MailServer
        {
            Host = "127.0.0.1",
            Port = Mailbox.Port,
            Tls = MailTls.None,
            From = new MimeKit.MailboxAddress("Herald newsroom", "newsroom@example.org"),
        },
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Mailbox.Dispose();
    }
}

/// <summary>The same, with reset links that live two seconds, so a test sees one expire.</summary>
public sealed class ShortLinkMailSiteFixture : MailSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Identity.DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(2));
}

public static class ResetLinks
{
    /// <summary>The reset link in a mail's text, and its path and query on the test server.</summary>
    public static (string Link, string PathAndQuery) In(string body)
    {
        var link = body.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Single(word => word.StartsWith("http", StringComparison.Ordinal) && word.Contains("/newsroom/reset-password?", StringComparison.Ordinal));
        return (link, new Uri(link).PathAndQuery);
    }
}