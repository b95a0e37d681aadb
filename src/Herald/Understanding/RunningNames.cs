using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding;

/// <summary>
/// The known names as the database holds them, followed in memory through a long run of analyses
/// in one transaction (an import's analysis): each story is handed exactly the list
/// <see cref="KnownEntityCache.LoadAsync(HeraldDbContext, CancellationToken)"/> would read before it,
/// as if the stories were published one at a time, without reading every name and counting every
/// mention again for each story — work that grows with the archive. Kept in that order as the counts
/// change, so that a story's list costs the names it hands over, not a sort of every entity; and
/// handed on to the next batch when nothing else can have changed them (<see cref="CarriedNames"/>).
/// </summary>
internal sealed class RunningNames
{
    private sealed class Entry
    {
        public required int Id { get; init; }
        public required EntityType Type { get; init; }
        public required bool Confirmed { get; init; }
        public required string Name { get; set; }
        public required List<string> Aliases { get; set; }
        public int Mentions { get; set; }
        public KnownEntity? Known { get; set; }
    }

    /// <summary>The order <see cref="KnownEntityCache.LoadAsync(HeraldDbContext, CancellationToken)"/> reads names in: confirmed first, most mentioned, oldest.</summary>
    private sealed class ReadOrder : IComparer<Entry>
    {
        public static readonly ReadOrder Instance = new();

        public int Compare(Entry? x, Entry? y) =>
            ReferenceEquals(x, y) ? 0
            : x!.Confirmed != y!.Confirmed ? (x.Confirmed ? -1 : 1)
            : x.Mentions != y.Mentions ? y.Mentions.CompareTo(x.Mentions)
            : x.Id.CompareTo(y.Id);
    }

    private readonly Dictionary<int, Entry> entries;
    private readonly SortedSet<Entry> ordered;
    private IReadOnlyList<KnownEntity>? list;

    private RunningNames(Dictionary<int, Entry> entries, object transaction, ConnectionStamp? stamp)
    {
        (this.entries, Transaction, Stamp) = (entries, transaction, stamp);
        ordered = new SortedSet<Entry>(entries.Values, ReadOrder.Instance);
    }

    /// <summary>The transaction these names belong to: in another, they are read again or handed on (<see cref="ContinueIn"/>).</summary>
    public object Transaction { get; private set; }

    /// <summary>The SQLite connection the names were read on and its data version then; null where other writers cannot be told apart (PostgreSQL).</summary>
    public ConnectionStamp? Stamp { get; }

    /// <summary>Every named entity with its names and its number of mentioning articles, as <paramref name="db"/> sees them.</summary>
    public static async Task<RunningNames> LoadAsync(HeraldDbContext db, object transaction, ConnectionStamp? stamp, CancellationToken ct)
    {
        var rows = await db.Set<NamedEntity>().AsNoTracking()
            .Select(e => new { e.Id, e.Type, e.Name, e.Review, Mentions = db.Set<EntityMention>().Count(m => m.EntityId == e.Id) })
            .ToListAsync(ct);
        var aliases = (await db.Set<EntityAlias>().AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct))
            .ToLookup(a => a.EntityId, a => a.Name);
        var entries = rows.ToDictionary(r => r.Id, r => new Entry
        {
            Id = r.Id,
            Type = r.Type,
            Confirmed = r.Review == EntityReview.Confirmed,
            Name = r.Name,
            Aliases = [.. aliases[r.Id]],
            Mentions = r.Mentions,
        });
        return new RunningNames(entries, transaction, stamp);
    }

    /// <summary>The same names, followed on in the next transaction of the same connection (nothing else changed them in between).</summary>
    public RunningNames ContinueIn(object transaction)
    {
        Transaction = transaction;
        return this;
    }

    /// <summary>The names in the order <see cref="KnownEntityCache.LoadAsync(HeraldDbContext, CancellationToken)"/> reads them, as many.</summary>
    public IReadOnlyList<KnownEntity> Current() => list ??= ordered
        .Take(KnownEntityCache.MaxKnown)
        .Select(e => e.Known ??= new KnownEntity(e.Name, e.Type, e.Aliases, e.Confirmed))
        .ToList();

    /// <summary>An article's earlier findings were dropped: the entities they named lose its mention.</summary>
    public void Forgot(IEnumerable<int> entityIds)
    {
        foreach (var id in entityIds)
        {
            if (entries.TryGetValue(id, out var entry))
            {
                Count(entry, -1);
            }
        }
    }

    /// <summary>An article now mentions these entities (saved: their ids are real), with the names they carry now.</summary>
    public void Mentioned(IEnumerable<NamedEntity> entities)
    {
        foreach (var entity in entities)
        {
            var aliases = entity.Aliases.OrderBy(a => a.Id).Select(a => a.Name).ToList();
            if (!entries.TryGetValue(entity.Id, out var entry))
            {
                entry = new Entry
                {
                    Id = entity.Id,
                    Type = entity.Type,
                    Confirmed = entity.Review == EntityReview.Confirmed,
                    Name = entity.Name,
                    Aliases = aliases,
                };
                entries[entity.Id] = entry;
                ordered.Add(entry);
            }
            else if (entry.Name != entity.Name || !entry.Aliases.SequenceEqual(aliases))
            {
                (entry.Name, entry.Aliases, entry.Known) = (entity.Name, aliases, null);
            }
            Count(entry, +1);
        }
    }

    /// <summary>Moves the entry to its new place in the order: out before its count changes, back in after.</summary>
    private void Count(Entry entry, int change)
    {
        ordered.Remove(entry);
        entry.Mentions += change;
        ordered.Add(entry);
        list = null;
    }
}