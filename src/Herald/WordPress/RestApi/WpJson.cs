using System.Globalization;
using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>Reading the fields of a write's JSON body as WordPress clients send them, each problem named by its field.</summary>
public static class WpJson
{
    /// <summary>A text field sent as a string or, as WordPress's editor sends it, as {"raw": "..."}; null when absent.</summary>
    public static string? Text(JsonObject fields, string name, Dictionary<string, string> problems)
    {
        if (!fields.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        var value = node is JsonObject nested ? Text(nested["raw"]) : Text(node);
        if (value is null)
        {
            problems[name] = $"{name} is not a string.";
        }
        return value;
    }

    /// <summary>A whole number sent as a number or a string of digits; null when absent.</summary>
    public static int? Integer(JsonObject fields, string name, Dictionary<string, string> problems)
    {
        if (!fields.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        if (Integer(node) is not (>= 0 and var value))
        {
            problems[name] = $"{name} is not an integer.";
            return null;
        }
        return value;
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int? Integer(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var number) ? number
        : node is JsonValue text && text.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    /// <summary>Notes the problem and keeps the value the field had, so every problem of a request is told at once.</summary>
    public static T Problem<T>(Dictionary<string, string> problems, string name, string message, T keep)
    {
        problems[name] = message;
        return keep;
    }
}