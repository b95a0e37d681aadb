using System.Net;
using System.Security.Cryptography.X509Certificates;
using Herald.Storage;

namespace Herald.Hosting;

/// <summary>
/// How one Herald process serves: where it listens, which database, where files live and what
/// it may believe about the network in front of it. Read from flags and the environment by
/// <see cref="Configuration.ServeSettings"/>; tests build it directly.
/// </summary>
public sealed record ServeOptions
{
    public required DatabaseConnection Database { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5000";
    public bool Demo { get; init; }

    /// <summary>Turns the output cache off (for measuring what the cache buys).</summary>
    public bool OutputCache { get; init; } = true;

    /// <summary>
    /// A server's work, or a bulk command's (import, export): decides how SQLite connections are tuned
    /// (<see cref="DatabaseWorkload"/>) — a bulk command maps none of the file, where mapped pages would
    /// only swell the resident memory an operator watches, and takes a larger page cache instead.
    /// </summary>
    public DatabaseWorkload Workload { get; init; } = DatabaseWorkload.Serving;

    /// <summary>
    /// How much of the SQLite file, from its start, each connection of a server
    /// (<see cref="DatabaseWorkload.Serving"/>) reads memory-mapped, in MiB; 0 (the default) reads through SQLite's own
    /// small page cache and the kernel's file cache, which is not the process's memory. Each pooled
    /// connection maps the file for itself and Linux counts every page read once per mapping: with
    /// a 1 GiB map, a 100,000-article archive showed 557 MiB of the file resident after a few
    /// minutes of load (bench/RESULTS.md, "Resident memory"), growing with the archive.
    /// </summary>
    public int SqliteMapMiB { get; init; } = DefaultSqliteMapMiB;

    public const int DefaultSqliteMapMiB = 0;

    /// <summary>
    /// MiB of pages the output cache keeps in this process's memory (not with Redis); when it is
    /// full the least recently used pages leave first. The ready copies of <see cref="FrontPages"/>
    /// take at most half as much again (<see cref="FrontPageBytes"/>).
    /// </summary>
    public int PageCacheMiB { get; init; } = DefaultPageCacheMiB;

    public const int DefaultPageCacheMiB = 32;

    public long PageCacheBytes => PageCacheMiB * 1024L * 1024;

    public long FrontPageBytes => PageCacheBytes / 2;

    /// <summary>Redis for the output cache, sign-in throttles and comment limits when several Herald nodes share one site.</summary>
    public string? Redis { get; init; }

    /// <summary>
    /// The address readers use (https://news.example.org). When set, every absolute URL Herald
    /// writes starts with it; when not, with the scheme and host of the (trusted) request.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Addresses whose X-Forwarded-For and X-Forwarded-Proto Herald believes; loopback only by default.</summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = DefaultTrustedProxies;

    public static readonly IReadOnlyList<IPNetwork> DefaultTrustedProxies =
        [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>The certificate Kestrel serves https:// addresses of <see cref="Urls"/> with.</summary>
    public X509Certificate2? HttpsCertificate { get; init; }

    /// <summary>Where /metrics answers (a port of its own); null keeps metrics off.</summary>
    public string? MetricsUrls { get; init; }

    /// <summary>The port of <see cref="MetricsUrls"/>: /metrics answers only on connections to it.</summary>
    public int? MetricsPort { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Where media are kept: this node's folder (<see cref="MediaFolder"/>) or the site's database.</summary>
    public Media.MediaStoreKind MediaStore { get; init; } = Media.MediaStoreKind.Folder;

    /// <summary>Origins besides Herald's own that the content policy lets pictures load from.</summary>
    public IReadOnlyList<string> RemoteImageHosts { get; init; } = [];

    /// <summary>
    /// Origins whose pages may read the WordPress API from a browser (CORS); empty allows none, a lone
    /// "*" any (<see cref="Configuration.ServeSettings.ReadApiCorsOrigins"/>).
    /// </summary>
    public IReadOnlyList<string> ApiCorsOrigins { get; init; } = [];

    /// <summary>The SMTP server for password-reset mail; null when the operator named none, and then nothing is sent.</summary>
    public Accounts.Mail.MailServer? Mail { get; init; }

    /// <summary>How long a story stays in the newsroom's trash before it is deleted for good.</summary>
    public TimeSpan TrashRetention { get; init; } = DefaultTrashRetention;

    public static readonly TimeSpan DefaultTrashRetention = TimeSpan.FromDays(30);

    /// <summary>The media folder the operator chose; null puts it beside the SQLite file.</summary>
    public string? ConfiguredMediaFolder { get; init; }

    /// <summary>Uploaded and generated media; by default beside the SQLite file, else ./data/media.</summary>
    public string MediaFolder => ConfiguredMediaFolder ?? DefaultMediaFolder(Database);

    public static string DefaultMediaFolder(DatabaseConnection database) => Path.Combine(
        database.SqliteFile is { } file ? Path.GetDirectoryName(file)! : Path.GetFullPath("data"), "media");

    /// <summary>Whether readers reach the site over https, as far as configuration alone says.</summary>
    public bool PublicSchemeIsHttps => PublicUrl?.Scheme == Uri.UriSchemeHttps;
}

public enum LogFormat
{
    Text,
    Json,
}