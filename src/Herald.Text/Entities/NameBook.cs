using Herald.Text.Gazetteer;

namespace Herald.Text.Entities;

/// <summary>
/// Every name Herald can resolve without guessing: the caller's known entities first, then acronyms
/// the article defines ("Shanghai Cooperation Organization (SCO)"), then the shipped gazetteer.
/// </summary>
internal sealed class NameBook
{
    private readonly Gazetteer.Gazetteer _gazetteer;
    private readonly Dictionary<string, GazetteerEntry> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defined = new(StringComparer.Ordinal);

    public NameBook(Gazetteer.Gazetteer gazetteer, IReadOnlyList<KnownEntity> known)
    {
        _gazetteer = gazetteer;
        MaxWords = gazetteer.MaxWords;
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

    public bool TryGet(ReadOnlySpan<char> name, out GazetteerEntry entry) =>
        (_known.Count > 0 && _known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out entry!)) || _gazetteer.TryGet(name, out entry!);

    public bool TryGet(string name, out GazetteerEntry entry) => TryGet(name.AsSpan(), out entry);

    private void AddKnown(string name, KnownEntity entity)
    {
        string key = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (key.Length == 0)
        {
            return;
        }
        _known.TryAdd(key, new GazetteerEntry(entity.Name.Trim(), entity.Type, NameSource.Known) { Confirmed = entity.ConfirmedByEditor });
        MaxWords = Math.Max(MaxWords, key.Split(' ').Length);
    }
}