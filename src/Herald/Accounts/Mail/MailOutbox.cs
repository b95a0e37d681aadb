using System.Threading.Channels;
using MimeKit;

namespace Herald.Accounts.Mail;

/// <summary>
/// Mail sent after the answer, not during it: a page that sends a reset link for a known address
/// must answer as fast as one for an unknown address, or its timing would tell which accounts
/// exist. A full queue (a mail server down for long) drops new messages with a log line; the
/// person asks again later.
/// </summary>
public sealed class MailOutbox(MailSender sender, ILogger<MailOutbox> log) : BackgroundService
{
    private readonly Channel<MimeMessage> queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Post(MimeMessage message)
    {
        if (!queue.Writer.TryWrite(message))
        {
            log.LogError("The mail queue is full; \"{Subject}\" is not sent", message.Subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("Could not send \"{Subject}\": {Problem}", message.Subject, e.Message);
            }
        }
    }
}