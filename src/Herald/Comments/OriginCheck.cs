using Herald.Hosting.ReverseProxy;

namespace Herald.Comments;

/// <summary>
/// Cross-site request forgery defence for the comment form, which lives on cached pages and so
/// cannot carry a per-visitor anti-forgery token. A browser says where a request comes from
/// (Sec-Fetch-Site, Origin): any sign of another site refuses the post. A post must then prove it
/// is same-origin, by those headers or by the token bound to the SameSite=Strict cookie.
/// </summary>
public static class OriginCheck
{
    public enum Result
    {
        SameOrigin,
        CrossSite,
        Unproven,
    }

    public static Result Evaluate(HttpRequest request, bool tokenIsValid)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return Result.CrossSite;
        }
        if (origin.Length > 0 && !IsOwnOrigin(request, origin))
        {
            return Result.CrossSite;
        }
        if (fetchSite == "same-origin" || origin.Length > 0 || tokenIsValid)
        {
            return Result.SameOrigin;
        }
        return Result.Unproven;
    }

    // Behind a proxy the request may reach Herald as http://backend while the browser says https://site.
    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().IsOwnOrigin(request, origin);
}