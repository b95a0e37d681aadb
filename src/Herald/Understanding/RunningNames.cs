using Herald.Storage;
using Herald.Text;
using Microsoft.EntityFrameworkCore;

namespace Herald.Understanding;

/// <summary>
/// The known names as the database holds them, followed in memory through a long run of analyses
/// in one transaction (an import's analysis): each story is handed exactly the list
/// <see cref="KnownEntityCache.LoadAsync(HeraldDbContext, CancellationToken)"/> would read before it,
/// as if the stories were published one at a time, without reading every name and counting every
/// mention again for each story — work that grows with the archive.
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

    private readonly Dictionary<int, Entry> entries;
    private IReadOnlyList<KnownEntity>? list;

    private RunningNames(Dictionary<int, Entry> entries, object transaction) => (this.entries, Transaction) = (entries, transaction);

    /// <summary>The transaction these names belong to: in another, they are read again.</summary>
    public object Transaction { get; }

    /// <summary>Every named entity with its names and its number of mentioning articles, as <paramref name="db"/> sees them.</summary>
    public static async Task<RunningNames> LoadAsync(HeraldDbContext db, object transaction, CancellationToken ct)
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
        return new RunningNames(entries, transaction);
    }

    /// <summary>The names in the order <see cref="KnownEntityCache.LoadAsync(HeraldDbContext, CancellationToken)"/> reads them, as many.</summary>
    public IReadOnlyList<KnownEntity> Current() => list ??= entries.Values
        .OrderByDescending(e => e.Confirmed).ThenByDescending(e => e.Mentions).ThenBy(e => e.Id)
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
                entry.Mentions--;
                list = null;
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
            }
            else if (entry.Name != entity.Name || !entry.Aliases.SequenceEqual(aliases))
            {
                (entry.Name, entry.Aliases, entry.Known) = (entity.Name, aliases, null);
            }
            entry.Mentions++;
        }
        list = null;
    }
}