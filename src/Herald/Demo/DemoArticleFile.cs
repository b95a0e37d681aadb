using System.Globalization;

namespace Herald.Demo;

/// <summary>
/// One demo article file: "key: value" front matter between two "---" lines, then Markdown.
/// Kept deliberately simple; it reads only files Herald ships.
/// </summary>
public sealed record DemoArticleFile(IReadOnlyDictionary<string, string> Fields, string Body)
{
    public static DemoArticleFile Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            throw new FormatException($"{name}: a demo article starts with a '---' line.");
        }
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 1;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                fields[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }
        if (i >= lines.Length)
        {
            throw new FormatException($"{name}: the front matter is not closed by a '---' line.");
        }
        return new DemoArticleFile(fields, string.Join('\n', lines[(i + 1)..]).Trim() + "\n");
    }

    public string Required(string key) =>
        Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new FormatException($"Missing '{key}'.");

    public string? Optional(string key) => Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public IReadOnlyList<string> List(string key) =>
        (Optional(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DateTime? Time(string key) => Optional(key) is { } value
        ? DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        : null;
}