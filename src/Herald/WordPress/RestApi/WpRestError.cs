using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>
/// An error as the WordPress REST API reports it: a machine-readable code, a sentence for a
/// person, and a data object carrying the HTTP status (and, for bad parameters, which ones and why).
/// Clients written for WordPress branch on the code, so the codes are WordPress's own.
/// </summary>
public sealed class WpRestError(string code, string message, int status, JsonObject? data = null) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["status"] = Status };
        foreach (var (name, value) in data ?? [])
        {
            body[name] = value?.DeepClone();
        }
        return new JsonObject { ["code"] = Code, ["message"] = Message, ["data"] = body };
    }

    public static WpRestError NoRoute() =>
        new("rest_no_route", "No route was found matching the URL and request method.", StatusCodes.Status404NotFound);

    public static WpRestError InvalidPostId() => new("rest_post_invalid_id", "Invalid post ID.", StatusCodes.Status404NotFound);

    public static WpRestError InvalidTerm() => new("rest_term_invalid", "Term does not exist.", StatusCodes.Status404NotFound);

    public static WpRestError InvalidUserId() => new("rest_user_invalid_id", "Invalid user ID.", StatusCodes.Status404NotFound);

    public static WpRestError InvalidCommentId() => new("rest_comment_invalid_id", "Invalid comment ID.", StatusCodes.Status404NotFound);

    public static WpRestError PageTooLarge(string code) =>
        new(code, "The page number requested is larger than the number of pages available.", StatusCodes.Status400BadRequest);

    public static WpRestError InvalidParameters(IReadOnlyDictionary<string, string> problems)
    {
        var details = new JsonObject();
        foreach (var (name, problem) in problems)
        {
            details[name] = problem;
        }
        return new("rest_invalid_param", "Invalid parameter(s): " + string.Join(", ", problems.Keys), StatusCodes.Status400BadRequest,
            new JsonObject { ["params"] = details });
    }
}