using System.Reflection;

namespace Herald.Text.Gazetteer;

/// <summary>A name Herald knows without reading the article: where it points and what it is.</summary>
internal sealed record GazetteerEntry(string CanonicalName, EntityType Type);

/// <summary>
/// Countries, capitals, large cities and international organisations shipped inside the assembly,
/// plus the demonyms that let "the Chinese president" point at China. Loaded once per process.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(Load);

    private readonly Dictionary<string, GazetteerEntry> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);

    public static Gazetteer Default => Shared.Value;

    /// <summary>Longest name, in words, so lookups know how far to try.</summary>
    public int MaxWords { get; private set; } = 1;

    public bool TryGet(string name, out GazetteerEntry entry) => _names.TryGetValue(name, out entry!);

    public bool TryGetCountryOfDemonym(string word, out string country) => _demonyms.TryGetValue(word, out country!);

    private static Gazetteer Load()
    {
        var gazetteer = new Gazetteer();
        foreach (string[] fields in ReadResource("countries.txt"))
        {
            string country = fields[0];
            gazetteer.Add(country, country, EntityType.Place);
            foreach (string demonym in Split(fields, 1))
            {
                gazetteer._demonyms.TryAdd(demonym, country);
            }
            foreach (string alias in Split(fields, 2))
            {
                gazetteer.Add(alias, country, EntityType.Place);
            }
            foreach (string capital in Split(fields, 3))
            {
                gazetteer.Add(capital, capital, EntityType.Place);
            }
        }
        foreach (string[] fields in ReadResource("places.txt"))
        {
            gazetteer.AddWithAliases(fields, EntityType.Place);
        }
        foreach (string[] fields in ReadResource("organizations.txt"))
        {
            gazetteer.AddWithAliases(fields, EntityType.Organization);
        }
        return gazetteer;
    }

    private void AddWithAliases(string[] fields, EntityType type)
    {
        Add(fields[0], fields[0], type);
        foreach (string alias in Split(fields, 1))
        {
            Add(alias, fields[0], type);
        }
    }

    private void Add(string name, string canonical, EntityType type)
    {
        _names.TryAdd(name, new GazetteerEntry(canonical, type));
        MaxWords = Math.Max(MaxWords, name.Split(' ').Length);
    }

    private static IEnumerable<string> Split(string[] fields, int index) =>
        index < fields.Length
            ? fields[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static IEnumerable<string[]> ReadResource(string fileName)
    {
        Assembly assembly = typeof(Gazetteer).Assembly;
        string? resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(fileName, StringComparison.Ordinal));
        if (resource is null)
        {
            yield break;
        }
        using Stream stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            yield return line.Split('|', StringSplitOptions.TrimEntries);
        }
    }
}