using System.Globalization;
using Herald.Hosting.ReverseProxy;
using Herald.Site;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>What every REST handler needs for one request: the database, the site, its clock and the absolute URLs it writes.</summary>
public sealed class WpContext
{
    public WpContext(HttpContext http, SiteSnapshot site, DateTime nowUtc)
    {
        Http = http;
        Site = site;
        Zone = site.Settings.TimeZone;
        NowUtc = nowUtc;
        Origin = http.PublicOrigin();
        Parameters = new WpParameters(http.Request.Query, Zone);
    }

    public HttpContext Http { get; }
    public SiteSnapshot Site { get; }
    public TimeZoneInfo Zone { get; }
    public DateTime NowUtc { get; }

    /// <summary>scheme://host[:port] of the site (<see cref="PublicAddress"/>): WordPress writes absolute links and so does Herald here.</summary>
    public string Origin { get; }
    public WpParameters Parameters { get; }

    /// <summary>The _fields filter, when the client asked for one.</summary>
    public WpFields? Fields { get; set; }

    /// <summary>Whether the client asked for a linked item to be embedded (?_embed, or ?_embed=author,wp:term).</summary>
    public bool Embeds(string relation)
    {
        if (!Parameters.Has("_embed") || (Fields is not null && !Fields.Includes("_embedded")))
        {
            return false;
        }
        var wanted = Parameters.Strings("_embed");
        return wanted is null || wanted.Count == 0 || wanted.Any(w => w is "1" or "true" || w == relation);
    }
    public HeraldDbContext Db => Http.RequestServices.GetRequiredService<HeraldDbContext>();

    public string ApiRoot => Origin + WpRestApi.Prefix + "/";

    /// <summary>The absolute URL of a wp/v2 route, e.g. Route("posts/12").</summary>
    public string Route(string route) => ApiRoot + WpRestApi.Namespace + "/" + route;

    public string Absolute(string path) => Origin + path;

    /// <summary>WordPress's "date": the site's local wall-clock time, without an offset.</summary>
    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>WordPress's "date_gmt": UTC, also without an offset.</summary>
    public static string Gmt(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}