using System.Globalization;

namespace Herald.Comments;

/// <summary>
/// Signed values carried by the comment form. A stamp says when the form was served (so a
/// reply that comes back faster than a person types is refused); a token binds a post to the
/// visitor's SameSite=Strict cookie. Both are "seconds.signature", verified in constant time.
/// </summary>
public static class FormStamps
{
    public static string IssueStamp(KeyRing keys, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.{keys.Hash("stamp", seconds)[..32]}";
    }

    /// <summary>When the form was served, or null when the stamp is missing or forged.</summary>
    public static DateTimeOffset? ReadStamp(KeyRing keys, string? stamp) =>
        Read(stamp, seconds => keys.Hash("stamp", seconds)[..32]);

    public static string IssueToken(KeyRing keys, string visitorKey, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.{keys.Hash("token", $"{visitorKey}\n{seconds}")[..32]}";
    }

    /// <summary>True when the token was issued to the holder of this cookie within <paramref name="maximumAge"/>.</summary>
    public static bool TokenIsValid(KeyRing keys, string? token, string? visitorKey, DateTimeOffset now, TimeSpan maximumAge)
    {
        if (string.IsNullOrEmpty(visitorKey))
        {
            return false;
        }
        var issued = Read(token, seconds => keys.Hash("token", $"{visitorKey}\n{seconds}")[..32]);
        return issued is { } at && at <= now.AddMinutes(1) && now - at <= maximumAge;
    }

    private static DateTimeOffset? Read(string? value, Func<string, string> sign)
    {
        if (value is null || value.Length > 64 || value.Split('.') is not [var seconds, var signature])
        {
            return null;
        }
        if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) || unix > 253_402_300_799)
        {
            return null;
        }
        var expected = sign(seconds);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(signature))
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : null;
    }
}