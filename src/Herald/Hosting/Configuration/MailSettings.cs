using System.Globalization;
using Herald.Accounts.Mail;
using MimeKit;

namespace Herald.Hosting.Configuration;

/// <summary>
/// The --smtp-* settings, checked together: a mail server needs a sender; a user needs a
/// password; and any of them without --smtp-host is a half-made configuration, refused rather
/// than silently leaving the site unable to send.
/// </summary>
public static class MailSettings
{
    private const int LongestHostName = 253;

    public static MailServer? Read(CommandLineArguments args, Func<string, string?> environment)
    {
        var host = ServeSettings.SmtpHost.Read(args, environment)?.Trim();
        var port = ServeSettings.SmtpPort.Read(args, environment);
        var tls = ServeSettings.SmtpTls.Read(args, environment);
        var user = ServeSettings.SmtpUser.Read(args, environment);
        var password = ServeSettings.SmtpPassword.Read(args, environment);
        var from = ServeSettings.SmtpFrom.Read(args, environment);
        if (host is null)
        {
            var orphan = new[] { (ServeSettings.SmtpPort, port), (ServeSettings.SmtpTls, tls), (ServeSettings.SmtpUser, user), (ServeSettings.SmtpPassword, password), (ServeSettings.SmtpFrom, from) }
                .FirstOrDefault(pair => pair.Item2 is not null).Item1;
            return orphan is null ? null
                : throw new SettingException(orphan, $"given without {ServeSettings.SmtpHost.Name}; name the mail server too, or leave it out.");
        }
        if (host.Length is 0 or > LongestHostName || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new SettingException(ServeSettings.SmtpHost, $"\"{host}\" is not a host name or IP address.");
        }
        var mode = ReadTls(tls);
        if (user is null != password is null)
        {
            throw new SettingException(user is null ? ServeSettings.SmtpUser : ServeSettings.SmtpPassword,
                $"{ServeSettings.SmtpUser.Name} and {ServeSettings.SmtpPassword.Name} go together; give both or neither.");
        }
        if (from is null)
        {
            throw new SettingException(ServeSettings.SmtpFrom, "missing: a mail server needs the address Herald's mail comes from.");
        }
        if (!MailboxAddress.TryParse(from, out var sender) || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new SettingException(ServeSettings.SmtpFrom, $"\"{from}\" is not an e-mail address such as \"Herald newsroom <newsroom@example.org>\".");
        }
        return new MailServer
        {
            Host = host,
            Port = ReadPort(port, mode),
            Tls = mode,
            User = user,
            Password = password,
            From = sender,
        };
    }

    private static MailTls ReadTls(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "starttls" => MailTls.StartTls,
        "tls" => MailTls.Tls,
        "none" => MailTls.None,
        _ => throw new SettingException(ServeSettings.SmtpTls, $"\"{value}\" is not a TLS mode; use starttls, tls or none."),
    };

    private static int ReadPort(string? value, MailTls mode)
    {
        if (value is null)
        {
            return mode == MailTls.Tls ? 465 : 587;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SettingException(ServeSettings.SmtpPort, $"\"{value}\" is not a port number from 1 to 65535.");
    }
}