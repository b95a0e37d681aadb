using System.Globalization;

namespace Herald.WordPress.Export;

/// <summary>The three ways WXR writes a time, all from Herald's UTC times.</summary>
public static class WxrDates
{
    /// <summary>What WordPress writes for a draft that has never had a publication date.</summary>
    public const string NeverGmt = "0000-00-00 00:00:00";

    /// <summary>MySQL's form, "2024-05-01 14:30:00", as wp:post_date_gmt and wp:comment_date_gmt carry it.</summary>
    public static string Gmt(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The same form in the site's zone, for wp:post_date and wp:comment_date.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) => Gmt(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    /// <summary>RSS's RFC 822 date, always in UTC as WordPress writes it.</summary>
    public static string Rss(DateTime utc) => utc.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}