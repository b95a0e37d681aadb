using System.Runtime.CompilerServices;
using Herald.Text.Gazetteer;

namespace Herald.Text.Entities;

/// <summary>
/// Every name Herald can resolve without guessing: the caller's known entities first, then acronyms
/// the article defines ("Shanghai Cooperation Organization (SCO)"), then the shipped gazetteer.
/// Dispose it when the article is read: its index of known names goes back to the thread for the next article.
/// </summary>
internal sealed class NameBook : IDisposable
{
    /// <summary>
    /// The index of known names is as large as the caller's list (a site hands up to 5,000 names with their
    /// aliases) and is made for every article: a thread keeps one, cleared and filled again, rather than
    /// allocating a new one of that size each time (an import reads thousands of articles in a row).
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, KnownEntity>? t_spareIndex;

    /// <summary>
    /// A known name's entry, made once per entity object: a caller that hands the same entities to many
    /// analyses (an import's running list) has each made once, not once per article and name.
    /// </summary>
    private static readonly ConditionalWeakTable<KnownEntity, GazetteerEntry> KnownEntries = new();

    private readonly Gazetteer.Gazetteer _gazetteer;
    private Dictionary<string, KnownEntity>? _known;
    private readonly Dictionary<string, string> _defined = new(StringComparer.Ordinal);

    public NameBook(Gazetteer.Gazetteer gazetteer, IReadOnlyList<KnownEntity> known)
    {
        _gazetteer = gazetteer;
        MaxWords = gazetteer.MaxWords;
        _known = t_spareIndex ?? new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        t_spareIndex = null;
        foreach (KnownEntity entity in known)
        {
            if (entity is null || string.IsNullOrWhiteSpace(entity.Name))
            {
                continue;
            }
            AddKnown(entity.Name, entity);
            foreach (string alias in entity.Aliases ?? [])
            {
                if (!string.IsNullOrWhiteSpace(alias))
                {
                    AddKnown(alias, entity);
                }
            }
        }
    }

    public int MaxWords { get; private set; }

    public Gazetteer.Gazetteer Gazetteer => _gazetteer;

    public void Define(string acronym, string name) => _defined.TryAdd(acronym, name);

    public bool TryDefined(ReadOnlySpan<char> name, out string? fullName)
    {
        fullName = null;
        return _defined.Count > 0 && _defined.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out fullName);
    }

    public bool TryGet(ReadOnlySpan<char> name, out GazetteerEntry entry)
    {
        if (_known is { Count: > 0 } && _known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out KnownEntity? entity))
        {
            entry = KnownEntries.GetValue(entity, static e => new GazetteerEntry(e.Name.Trim(), e.Type, NameSource.Known) { Confirmed = e.ConfirmedByEditor });
            return true;
        }
        return _gazetteer.TryGet(name, out entry!);
    }

    public bool TryGet(string name, out GazetteerEntry entry) => TryGet(name.AsSpan(), out entry);

    public void Dispose()
    {
        if (_known is { } index)
        {
            _known = null;
            index.Clear();
            t_spareIndex = index;
        }
    }

    /// <summary>The first entity to carry a name keeps it; the name's words are looked up one space apart.</summary>
    private void AddKnown(string name, KnownEntity entity)
    {
        string key = KeyOf(name);
        if (key.Length == 0)
        {
            return;
        }
        _known!.TryAdd(key, entity);
        MaxWords = Math.Max(MaxWords, key.AsSpan().Count(' ') + 1);
    }

    /// <summary>The name with its words one space apart: the name itself when it is written so already (nearly always).</summary>
    private static string KeyOf(string name) =>
        name.Length > 0 && name[0] != ' ' && name[^1] != ' ' && !name.Contains("  ", StringComparison.Ordinal)
            ? name
            : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}