using System.Net;
using Herald.Media;
using Herald.Storage;

namespace Herald.Hosting.Configuration;

/// <summary>
/// Every setting of <c>herald serve</c>, read from its flag or else its HERALD_ environment
/// variable, and checked before anything starts: a bad value stops start-up with one line
/// naming the setting. docs/operations.md lists the same table (a test holds them together).
/// </summary>
public static class ServeSettings
{
    public const string VariablePrefix = "HERALD_";

    public static readonly Setting Urls = new("urls", "HERALD_URLS", "http://127.0.0.1:5000",
        "Addresses Kestrel listens on, separated by semicolons; an https:// one needs --https-cert.");
    public static readonly Setting Db = new("db", "HERALD_DB", $"Data Source={DatabaseConnection.DefaultSqlitePath}",
        "The database: \"Data Source=FILE\" (SQLite) or \"Host=...;Database=...;Username=...\" (PostgreSQL).");
    public static readonly Setting Demo = new("demo", "HERALD_DEMO", "off",
        "Fills an empty database with the demo newsroom.", IsSwitch: true);
    public static readonly Setting Redis = new("redis", "HERALD_REDIS", "none",
        "Redis (StackExchange.Redis configuration, e.g. 127.0.0.1:6379), shared by several nodes: output cache, sign-in throttle, comment rate limit.");
    public static readonly Setting NoOutputCache = new("no-output-cache", "HERALD_NO_OUTPUT_CACHE", "off",
        "Turns the output cache off (for measuring what it buys).", IsSwitch: true);
    public static readonly Setting PageCacheMb = new("page-cache-mb", "HERALD_PAGE_CACHE_MB", $"{ServeOptions.DefaultPageCacheMiB}",
        "MiB of pages the output cache keeps in this process's memory (1 to 4096; not with --redis); ready copies of the most asked-for pages take half as much again.");
    public static readonly Setting SqliteMapMb = new("sqlite-map-mb", "HERALD_SQLITE_MAP_MB", $"{ServeOptions.DefaultSqliteMapMiB}",
        "MiB of the SQLite file read memory-mapped (0 to 65536; 0 maps none). Mapped pages count as resident memory.");
    public static readonly Setting MediaFolder = new("media-folder", "HERALD_MEDIA_FOLDER", "media/ beside the SQLite file, else ./data/media",
        "Where uploaded pictures and their renditions are kept.");
    public static readonly Setting MediaStore = new("media-store", "HERALD_MEDIA_STORE", "folder",
        "Where media are kept: \"folder\" (--media-folder, this node's) or \"database\" (the site's database, which every node reads).");
    public static readonly Setting PublicUrl = new("public-url", "HERALD_PUBLIC_URL", "none (from the request)",
        "The address readers use, e.g. https://news.example.org; every absolute URL starts with it.");
    public static readonly Setting TrustedProxies = new("trusted-proxies", "HERALD_TRUSTED_PROXIES", "127.0.0.0/8,::1",
        "Addresses and networks whose X-Forwarded-For/-Proto headers are believed, separated by commas; \"none\" trusts no one.");
    public static readonly Setting HttpsCert = new("https-cert", "HERALD_HTTPS_CERT", "none",
        "Certificate for the https:// addresses of --urls: a PEM file (with its key, or see --https-key) or a PFX file.");
    public static readonly Setting HttpsKey = new("https-key", "HERALD_HTTPS_KEY", "the key in the --https-cert file",
        "The PEM private key of --https-cert, when it is a file of its own.");
    public static readonly Setting HttpsCertPassword = new("https-cert-password", "HERALD_HTTPS_CERT_PASSWORD", "none",
        "Password of the PFX file or of the encrypted PEM key.");
    public static readonly Setting MetricsUrls = new("metrics-urls", "HERALD_METRICS_URLS", "off",
        "An address with a port of its own (e.g. http://127.0.0.1:9464) where /metrics answers in Prometheus format.");
    public static readonly Setting LogFormatSetting = new("log-format", "HERALD_LOG_FORMAT", "text",
        "\"text\" for people, \"json\" for one JSON object per line with the request id.");
    public static readonly Setting RemoteImageHosts = new("remote-image-hosts", "HERALD_REMOTE_IMAGE_HOSTS", "none",
        "Other hosts pictures may load from (an imported archive's uploads), e.g. https://media.example.org, separated by commas.");
    public static readonly Setting TrashDays = new("trash-days", "HERALD_TRASH_DAYS", "30",
        "Days a story stays in the newsroom's trash before it is deleted for good (1 to 3650).");
    public static readonly Setting ApiCorsOrigins = new("api-cors-origins", "HERALD_API_CORS_ORIGINS", "none",
        "Other sites whose pages may read the WordPress API (GET /wp-json) from a browser, e.g. https://app.example.org, separated by commas; \"*\" lets any site.");

    public static readonly Setting SmtpHost = new("smtp-host", "HERALD_SMTP_HOST", "none (no mail: an administrator resets passwords)",
        "The mail server password-reset links are sent through, e.g. smtp.example.org.");
    public static readonly Setting SmtpPort = new("smtp-port", "HERALD_SMTP_PORT", "587 (465 with --smtp-tls tls)",
        "Port of --smtp-host.");
    public static readonly Setting SmtpTls = new("smtp-tls", "HERALD_SMTP_TLS", "starttls",
        "\"starttls\" (upgrade the connection; refuse a server that cannot), \"tls\" (TLS from the first byte) or \"none\" (only for a server on this machine).");
    public static readonly Setting SmtpUser = new("smtp-user", "HERALD_SMTP_USER", "none (no sign-in)",
        "User name Herald signs in to the mail server with; needs --smtp-password.");
    public static readonly Setting SmtpPassword = new("smtp-password", "HERALD_SMTP_PASSWORD", "none",
        "Password of --smtp-user; prefer the variable, which other users of the machine cannot read in the process list.");
    public static readonly Setting SmtpFrom = new("smtp-from", "HERALD_SMTP_FROM", "none (required with --smtp-host)",
        "The sender of Herald's mail, e.g. \"Herald newsroom <newsroom@example.org>\".");

    public static readonly IReadOnlyList<Setting> All =
    [
        Urls, Db, Demo, Redis, NoOutputCache, PageCacheMb, SqliteMapMb, MediaFolder, MediaStore, PublicUrl, TrustedProxies,
        HttpsCert, HttpsKey, HttpsCertPassword, MetricsUrls, LogFormatSetting, RemoteImageHosts, TrashDays, ApiCorsOrigins,
        SmtpHost, SmtpPort, SmtpTls, SmtpUser, SmtpPassword, SmtpFrom,
    ];

    public static string[] Flags => [.. All.Select(s => s.Flag)];

    public static string[] Switches => [.. All.Where(s => s.IsSwitch).Select(s => s.Flag)];

    /// <summary>Reads and checks every setting; throws <see cref="SettingException"/> (or the database's own) on the first bad one.</summary>
    public static ServeOptions Read(CommandLineArguments args, Func<string, string?> environment, IEnumerable<string> variableNames)
    {
        args.AllowOnly(Flags);
        RefuseUnknownVariables(variableNames);
        var database = ReadDatabase(args, environment);
        var urls = Urls.Read(args, environment) ?? Urls.Default;
        var addresses = ListenAddresses.Parse(Urls, urls);
        var certificate = CertificateFile.Load(
            HttpsCert, HttpsCert.Read(args, environment), HttpsKey.Read(args, environment), HttpsCertPassword.Read(args, environment));
        if (addresses.Any(a => a.Scheme == "https") && certificate is null)
        {
            throw new SettingException(HttpsCert, $"{Urls.Name} names an https:// address; give the certificate to serve it with.");
        }
        if (certificate is not null && !addresses.Any(a => a.Scheme == "https"))
        {
            throw new SettingException(HttpsCert, $"a certificate is given but {Urls.Name} names no https:// address to serve it on.");
        }
        var metricsUrls = MetricsUrls.Read(args, environment);
        int? metricsPort = metricsUrls is null ? null : ListenAddresses.MetricsPort(MetricsUrls, metricsUrls, addresses);

        return new ServeOptions
        {
            Database = database,
            Urls = urls,
            Demo = Demo.ReadSwitch(args, environment),
            Redis = Redis.Read(args, environment),
            OutputCache = !NoOutputCache.ReadSwitch(args, environment),
            PageCacheMiB = ReadMebibytes(PageCacheMb, args, environment, ServeOptions.DefaultPageCacheMiB, 1, 4096),
            SqliteMapMiB = ReadMebibytes(SqliteMapMb, args, environment, ServeOptions.DefaultSqliteMapMiB, 0, 65536),
            ConfiguredMediaFolder = MediaFolder.Read(args, environment) is { } media ? Path.GetFullPath(media) : null,
            MediaStore = ReadMediaStore(args, environment),
            PublicUrl = ReadPublicUrl(PublicUrl.Read(args, environment)),
            TrustedProxies = ReadTrustedProxies(TrustedProxies.Read(args, environment)),
            HttpsCertificate = certificate,
            MetricsUrls = metricsUrls,
            MetricsPort = metricsPort,
            LogFormat = ReadLogFormat(LogFormatSetting.Read(args, environment)),
            RemoteImageHosts = ReadRemoteImageHosts(RemoteImageHosts.Read(args, environment)),
            ApiCorsOrigins = ReadApiCorsOrigins(ApiCorsOrigins.Read(args, environment)),
            Mail = MailSettings.Read(args, environment),
            TrashRetention = ReadTrashRetention(TrashDays.Read(args, environment)),
        };
    }

    /// <summary>
    /// Hosts the content policy lets pictures come from. Each must be a bare origin (a scheme and a
    /// host, "*." allowed before the host): anything else could widen the policy beyond pictures.
    /// </summary>
    public static IReadOnlyList<string> ReadRemoteImageHosts(string? value)
    {
        if (value is null || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var hosts = new List<string>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var wildcard = entry.Contains("://*.", StringComparison.Ordinal);
            var candidate = wildcard ? entry.Replace("://*.", "://", StringComparison.Ordinal) : entry;
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
                || candidate.TrimEnd('/') != uri.GetLeftPart(UriPartial.Authority))
            {
                throw new SettingException(RemoteImageHosts, $"\"{entry}\" is not a scheme and host such as https://media.example.org or https://*.example.org.");
            }
            var origin = uri.GetLeftPart(UriPartial.Authority);
            hosts.Add(wildcard ? origin.Replace("://", "://*.", StringComparison.Ordinal) : origin);
        }
        return hosts;
    }

    /// <summary>
    /// The origins a browser may read the WordPress API from: none by default, "*" for any (only when
    /// said alone and outright), else bare origins (a scheme, a host and maybe a port), as a browser
    /// sends them in its Origin header.
    /// </summary>
    public static IReadOnlyList<string> ReadApiCorsOrigins(string? value)
    {
        if (value is null || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 1 && entries[0] == "*")
        {
            return ["*"];
        }
        var origins = new List<string>();
        foreach (var entry in entries)
        {
            if (entry == "*")
            {
                throw new SettingException(ApiCorsOrigins, "\"*\" allows every site and stands alone; list origins or say \"*\" only.");
            }
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
                || !entry.TrimEnd('/').Equals(uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                throw new SettingException(ApiCorsOrigins, $"\"{entry}\" is not an origin such as https://app.example.org (a scheme and a host, maybe a port).");
            }
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }
        if (origins.Count == 0)
        {
            throw new SettingException(ApiCorsOrigins, "the list is empty; say \"none\" to allow no other site.");
        }
        return origins;
    }

    /// <summary>A HERALD_ variable Herald does not know is a typo that would otherwise be ignored in silence.</summary>
    public static void RefuseUnknownVariables(IEnumerable<string> variableNames)
    {
        var known = All.Select(s => s.Variable).ToHashSet(StringComparer.Ordinal);
        var unknown = variableNames
            .Where(name => name.StartsWith(VariablePrefix, StringComparison.Ordinal) && !known.Contains(name))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unknown is not null)
        {
            throw new CommandLineException($"Unknown setting {unknown} in the environment (Herald's settings are listed in docs/operations.md).");
        }
    }

    private static DatabaseConnection ReadDatabase(CommandLineArguments args, Func<string, string?> environment) =>
        DatabaseConnection.Parse(Db.Read(args, environment) ?? Db.Default);

    public static Uri? ReadPublicUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new SettingException(PublicUrl, $"\"{value}\" is not an absolute http:// or https:// address.");
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new SettingException(PublicUrl, $"\"{value}\" must be a scheme and host only (Herald serves at the root of its host), e.g. https://news.example.org.");
        }
        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }

    public static IReadOnlyList<IPNetwork> ReadTrustedProxies(string? value)
    {
        if (value is null)
        {
            return ServeOptions.DefaultTrustedProxies;
        }
        if (value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var networks = new List<IPNetwork>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new SettingException(TrustedProxies, $"\"{entry}\" is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8).");
            }
        }
        if (networks.Count == 0)
        {
            throw new SettingException(TrustedProxies, "the list is empty; say \"none\" to trust no proxy.");
        }
        return networks;
    }

    /// <summary>The media store of --media-store (HERALD_MEDIA_STORE); verbs that write media read it too.</summary>
    public static MediaStoreKind ReadMediaStore(CommandLineArguments args, Func<string, string?> environment) =>
        MediaStore.Read(args, environment)?.Trim().ToLowerInvariant() switch
        {
            null or "folder" => MediaStoreKind.Folder,
            "database" => MediaStoreKind.Database,
            var value => throw new SettingException(MediaStore, $"\"{value}\" is not a media store; use folder or database."),
        };

    /// <summary>A whole number of MiB from <paramref name="min"/> to <paramref name="max"/>; <paramref name="byDefault"/> when not given.</summary>
    public static int ReadMebibytes(Setting setting, CommandLineArguments args, Func<string, string?> environment, int byDefault, int min, int max)
    {
        if (setting.Read(args, environment) is not { } value)
        {
            return byDefault;
        }
        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mebibytes)
            || mebibytes < min || mebibytes > max)
        {
            throw new SettingException(setting, $"\"{value}\" is not a whole number of MiB from {min} to {max}.");
        }
        return mebibytes;
    }

    public static TimeSpan ReadTrashRetention(string? value)
    {
        if (value is null)
        {
            return ServeOptions.DefaultTrashRetention;
        }
        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            || days is < 1 or > 3650)
        {
            throw new SettingException(TrashDays, $"\"{value}\" is not a number of days from 1 to 3650.");
        }
        return TimeSpan.FromDays(days);
    }

    private static LogFormat ReadLogFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "text" => LogFormat.Text,
        "json" => LogFormat.Json,
        _ => throw new SettingException(LogFormatSetting, $"\"{value}\" is not a log format; use text or json."),
    };
}