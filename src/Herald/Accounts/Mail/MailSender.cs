using Herald.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Herald.Accounts.Mail;

/// <summary>Sends one message through the operator's SMTP server, or says that there is none.</summary>
public sealed class MailSender(ServeOptions options, ILogger<MailSender> log)
{
    /// <summary>A mail server that does not answer within this long is treated as down.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public bool IsConfigured => options.Mail is not null;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var server = options.Mail ?? throw new MailNotConfiguredException();
        message.From.Clear();
        message.From.Add(server.From);
        using var client = new SmtpClient { Timeout = (int)Patience.TotalMilliseconds };
        await client.ConnectAsync(server.Host, server.Port, server.Tls switch
        {
            MailTls.Tls => SecureSocketOptions.SslOnConnect,
            MailTls.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, ct);
        if (server.User is { } user)
        {
            await client.AuthenticateAsync(user, server.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        log.LogInformation("Sent \"{Subject}\" through {Server}", message.Subject, server.Host);
    }
}

public sealed class MailNotConfiguredException() : InvalidOperationException("Herald has no mail server configured (--smtp-host).");