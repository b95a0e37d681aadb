using System.Text.RegularExpressions;

namespace Herald.Comments;

/// <summary>
/// Splits a comment into the distinct features the classifier counts: lower-case words, the
/// host of every link, the commenter's website host and a few shape cues (links, shouting).
/// </summary>
public static partial class SpamTokenizer
{
    /// <summary>Enough to judge any comment; keeps one classification to one bounded query.</summary>
    public const int MaxFeatures = 400;

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’$€£%-]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();

    [GeneratedRegex(@"https?://([^\s/<>""?#:]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkHost();

    public static IReadOnlyCollection<string> Features(string body, string? name = null, string? website = null)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(body))
        {
            var token = word.Value.Trim('\'', '’', '-').ToLowerInvariant();
            if (token.Length is >= 2 and <= 30)
            {
                features.Add(token);
            }
            if (features.Count >= MaxFeatures)
            {
                break;
            }
        }
        var links = 0;
        foreach (Match link in LinkHost().Matches(body))
        {
            links++;
            AddBounded(features, "host:" + link.Groups[1].Value.ToLowerInvariant());
        }
        AddBounded(features, links switch { 0 => "links:none", 1 => "links:one", _ => "links:many" });
        if (website is { Length: > 0 } && Uri.TryCreate(website, UriKind.Absolute, out var site))
        {
            AddBounded(features, "site:" + site.Host.ToLowerInvariant());
            AddBounded(features, "has:website");
        }
        if (name is { Length: > 0 })
        {
            foreach (Match word in Word().Matches(name))
            {
                AddBounded(features, "name:" + word.Value.ToLowerInvariant());
            }
        }
        var letters = body.Count(char.IsLetter);
        if (letters > 20 && body.Count(char.IsUpper) > letters / 2)
        {
            AddBounded(features, "shape:shouting");
        }
        return features;
    }

    private static void AddBounded(HashSet<string> features, string feature)
    {
        if (features.Count < MaxFeatures + 20 && feature.Length <= SpamClassifier.MaxTokenLength)
        {
            features.Add(feature);
        }
    }
}