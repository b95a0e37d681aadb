namespace Herald.Text.Gazetteer;

/// <summary>Where a name Herald knows without reading the article came from; it decides how much context the name needs.</summary>
internal enum NameSource : byte
{
    /// <summary>The caller's known entities (the site's archive).</summary>
    Known,

    /// <summary>Hand-kept lists in Gazetteer/Data/*.txt: countries, famous places, international organisations.</summary>
    Curated,
    Country,
    Capital,
    Region,

    /// <summary>GeoNames towns and cities: many share their name with a word or a person, so small ones need context.</summary>
    Town,
}

/// <summary>A name Herald knows without reading the article: where it points and what it is.</summary>
/// <param name="PopulationLog2">Towns only: the population as a power of two (17 is about 130,000); 0 when unknown.</param>
internal sealed record GazetteerEntry(string CanonicalName, EntityType Type, NameSource Source = NameSource.Curated, int PopulationLog2 = 0)
{
    /// <summary>Known names only: an editor has confirmed it.</summary>
    public bool Confirmed { get; init; }

    /// <summary>Towns of at least 2^17 (about 130,000) people are well known enough to stand alone.</summary>
    public bool IsLargeTown => PopulationLog2 >= 17;
}

/// <summary>
/// Countries, capitals, regions, towns and international organisations shipped inside the assembly,
/// the demonyms that let "the Chinese president" point at China, and the given names and common
/// English words that tell a name from a word. Loaded once per process. Sources and licences:
/// Gazetteer/Data/NOTICE.md; the generated lists are rebuilt by Gazetteer/build.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(Load);

    private readonly Dictionary<string, GazetteerEntry> _curated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);
    private Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _curatedBySpan;

    // Generated lists (see Gazetteer/build): packed so that 180,000 names stay within a few megabytes.
    private PackedTable _places = null!;
    private string[] _placeCanonical = [];
    private PackedTable _givenNames = null!;
    private PackedTable _words = null!;

    public static Gazetteer Default => Shared.Value;

    /// <summary>Longest name, in words, so lookups know how far to try.</summary>
    public int MaxWords { get; private set; } = 1;

    /// <summary>Managed bytes the generated lists hold, for the memory figures in bench/text.</summary>
    public long PackedBytes => _places.Bytes + _givenNames.Bytes + _words.Bytes + (_placeCanonical.Length * 8L);

    public int PlaceCount => _places.Count;

    public int GivenNameCount => _givenNames.Count;

    public int WordCount => _words.Count;

    public bool TryGet(string name, out GazetteerEntry entry) => TryGet(name.AsSpan(), out entry);

    public bool TryGet(ReadOnlySpan<char> name, out GazetteerEntry entry)
    {
        if (_curatedBySpan.TryGetValue(name, out entry!))
        {
            return true;
        }
        if (_places.TryGetValue(name, out int value))
        {
            var source = (NameSource)(value & 0x7);
            int population = (value >> 3) & 0x1F;
            int canonical = value >> 8;
            string canonicalName = canonical == 0 ? name.ToString() : _placeCanonical[canonical];
            entry = new GazetteerEntry(canonicalName, EntityType.Place, source, population);
            return true;
        }
        entry = null!;
        return false;
    }

    public bool TryGetCountryOfDemonym(string word, out string country) => _demonyms.TryGetValue(word, out country!);

    /// <summary>Whether people are given this name; female is the share of girls among them (0 to 1).</summary>
    public bool IsGivenName(ReadOnlySpan<char> word, out double female, out int commonness)
    {
        if (_givenNames.TryGetValue(word, out int value) || (HasAccent(word) && _givenNames.TryGetValue(Fold(word.ToString()), out value)))
        {
            female = (value & 0xFF) / 100.0;
            commonness = value >> 8;
            return true;
        }
        female = 0;
        commonness = 0;
        return false;
    }

    public bool IsGivenName(ReadOnlySpan<char> word) => IsGivenName(word, out _, out _);

    // The given names are spelled as US registers write them: "Søren" is found as "Soren".
    private static bool HasAccent(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (c >= 128)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the word, lower-cased, is an everyday English word ("Country", "Police", "Reading").</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 64)
        {
            return false;
        }
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return _words.Contains(lower);
    }

    private static Gazetteer Load()
    {
        var gazetteer = new Gazetteer();
        foreach (string[] fields in PackReader.Lines("countries.txt", '|'))
        {
            string country = fields[0];
            gazetteer.Add(country, country, EntityType.Place, NameSource.Country);
            foreach (string demonym in Split(fields, 1))
            {
                gazetteer._demonyms.TryAdd(demonym, country);
            }
            foreach (string alias in Split(fields, 2))
            {
                gazetteer.Add(alias, country, EntityType.Place, NameSource.Country);
            }
            foreach (string capital in Split(fields, 3))
            {
                gazetteer.Add(capital, capital, EntityType.Place, NameSource.Capital);
            }
        }
        foreach (string[] fields in PackReader.Lines("places.txt", '|'))
        {
            gazetteer.AddWithAliases(fields, EntityType.Place);
        }
        foreach (string[] fields in PackReader.Lines("organizations.txt", '|'))
        {
            gazetteer.AddWithAliases(fields, EntityType.Organization);
        }
        gazetteer.LoadPlaces();
        gazetteer._givenNames = LoadTable("given-names.pack", fields =>
            int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture)
            | (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture) << 8));
        gazetteer._words = LoadTable("common-words.pack", _ => 0);
        gazetteer._curatedBySpan = gazetteer._curated.GetAlternateLookup<ReadOnlySpan<char>>();
        return gazetteer;
    }

    private static PackedTable LoadTable(string fileName, Func<string[], int> value)
    {
        var builder = new PackedTable.Builder();
        foreach (string[] fields in PackReader.Lines(fileName, '\t'))
        {
            builder.Add(fields[0], value(fields));
        }
        return builder.Build();
    }

    /// <summary>
    /// GeoNames places: one entry per name (the pack is sorted, so a name's kinds are adjacent), the
    /// strongest kind and the largest population winning. Names the curated lists already hold stay
    /// curated; an accent-free spelling ("Tromso") points at the written one ("Tromsø").
    /// </summary>
    private void LoadPlaces()
    {
        var builder = new PackedTable.Builder();
        var canonicals = new List<string> { "" };
        var canonicalIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var folds = new List<(string Fold, int Value)>();
        string? name = null;
        NameSource best = NameSource.Town;
        int population = 0;
        string canonical = "";
        foreach (string[] fields in PackReader.Lines("places.pack", '\t'))
        {
            if (fields[0] != name)
            {
                Flush();
                name = fields[0];
                best = NameSource.Town;
                population = 0;
                canonical = "";
            }
            NameSource source = fields[1] switch { "c" => NameSource.Country, "a" => NameSource.Capital, "r" => NameSource.Region, _ => NameSource.Town };
            best = source < best ? source : best;
            population = Math.Max(population, int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
            if (fields.Length > 4 && fields[4].Length > 0)
            {
                canonical = fields[4];
            }
        }
        Flush();
        foreach ((string fold, int value) in folds)
        {
            if (!_curated.ContainsKey(fold))
            {
                builder.Add(fold, value);
            }
        }
        _places = builder.Build();
        _placeCanonical = [.. canonicals];

        void Flush()
        {
            if (name is null || _curated.ContainsKey(name))
            {
                return;
            }
            string target = canonical.Length > 0 ? canonical : name;
            string fold = Fold(name);
            if (_curated.TryGetValue(target, out GazetteerEntry? known) || _curated.TryGetValue(fold, out known))
            {
                // "Kraków" beside a curated "Krakow": one place under the curated name.
                _curated[name] = known;
                return;
            }
            int index = 0;
            if (canonical.Length > 0 && !canonicalIndex.TryGetValue(canonical, out index))
            {
                index = canonicals.Count;
                canonicals.Add(canonical);
                canonicalIndex[canonical] = index;
            }
            int value = (int)best | (Math.Min(population, 31) << 3) | (index << 8);
            builder.Add(name, value);
            MaxWords = Math.Max(MaxWords, CountWords(name));
            if (fold != name)
            {
                // The accent-free spelling points back at the written name.
                if (index == 0)
                {
                    index = canonicals.Count;
                    canonicals.Add(name);
                }
                folds.Add((fold, (int)best | (Math.Min(population, 31) << 3) | (index << 8)));
            }
        }
    }

    /// <summary>The name without accents: how English copy often spells foreign places.</summary>
    internal static string Fold(string name)
    {
        bool plain = true;
        foreach (char c in name)
        {
            plain &= c < 128;
        }
        if (plain)
        {
            return name;
        }
        var folded = new System.Text.StringBuilder(name.Length + 2);
        foreach (char c in name)
        {
            folded.Append(c < 128 ? c.ToString() : FoldChar(c));
        }
        return folded.ToString();
    }

    // Folding one character at a time, remembered: 100,000 place names share a few hundred letters.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> FoldedChars = new();

    private static string FoldChar(char c) => FoldedChars.GetOrAdd(c, static letter =>
    {
        // Letters that are not an accent on a base letter, spelled the way English copy does.
        switch (letter)
        {
            case 'ø': return "o";
            case 'Ø': return "O";
            case 'æ': return "ae";
            case 'Æ': return "Ae";
            case 'ł': return "l";
            case 'Ł': return "L";
            case 'ı': return "i";
            case 'đ': return "d";
            case 'ß': return "ss";
        }
        if (char.IsSurrogate(letter))
        {
            return letter.ToString();
        }
        var kept = new System.Text.StringBuilder(2);
        foreach (char part in letter.ToString().Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(part) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                kept.Append(part);
            }
        }
        return kept.ToString();
    });

    private static int CountWords(string name)
    {
        int words = 1;
        foreach (char c in name)
        {
            words += c == ' ' ? 1 : 0;
        }
        return words;
    }

    private void AddWithAliases(string[] fields, EntityType type)
    {
        Add(fields[0], fields[0], type, NameSource.Curated);
        foreach (string alias in Split(fields, 1))
        {
            Add(alias, fields[0], type, NameSource.Curated);
        }
    }

    private void Add(string name, string canonical, EntityType type, NameSource source)
    {
        var entry = new GazetteerEntry(canonical, type, source);
        _curated.TryAdd(name, entry);
        string fold = Fold(name);
        if (fold != name)
        {
            _curated.TryAdd(fold, entry);
        }
        MaxWords = Math.Max(MaxWords, CountWords(name));
    }

    private static IEnumerable<string> Split(string[] fields, int index) =>
        index < fields.Length
            ? fields[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}