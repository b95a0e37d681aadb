using MimeKit;

namespace Herald.Accounts.Mail;

/// <summary>How the connection to the mail server is protected.</summary>
public enum MailTls
{
    /// <summary>Plain connection upgraded with STARTTLS; a server that cannot upgrade is refused.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a mail server on the same machine or a private network.</summary>
    None,
}

/// <summary>
/// The SMTP server the operator named for Herald's mail (password-reset links). A class rather
/// than a record so that no ToString of the settings ever prints the password.
/// </summary>
public sealed class MailServer
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public MailTls Tls { get; init; } = MailTls.StartTls;
    public string? User { get; init; }
    public string? Password { get; init; }
    public required MailboxAddress From { get; init; }

    public override string ToString() => $"{Host}:{Port} ({Tls}) as {From.Address}";
}