using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (netDumbster) on a free loopback port that keeps every message it
/// receives, so a test reads the mail Herald sent as a person's mailbox would show it.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly SimpleSmtpServer server;

    public SmtpCatcher()
    {
        Port = FreePort();
        server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
    }

    public int Port { get; }

    public sealed record Mail(string To, string Subject, string Body);

    /// <summary>Every message to the address so far.</summary>
    public IReadOnlyList<Mail> To(string address) =>
        [.. server.ReceivedEmail.Select(Read).Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Waits for the <paramref name="count"/>th message to the address; mail leaves Herald after its answer.</summary>
    public async Task<Mail> WaitForAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No message number {count} for {address} arrived within 30 s (received: {server.ReceivedEmailCount}).");
    }

    private static Mail Read(SmtpMessage message)
    {
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));
        return new Mail(mime.To.Mailboxes.FirstOrDefault()?.Address ?? "", mime.Subject ?? "", mime.TextBody ?? "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => server.Dispose();
}