namespace Herald.Text.Entities;

/// <summary>The article's entities and their mentions in text order, with the look-ups attribution needs.</summary>
internal sealed class EntityIndex(List<EntityRecord> records, List<Mention> mentions)
{
    public static EntityIndex Empty { get; } = new([], []);

    public IReadOnlyList<EntityRecord> Records { get; } = records;

    /// <summary>Sorted by start offset.</summary>
    public IReadOnlyList<Mention> Mentions { get; } = mentions;

    /// <summary>Index of the first mention starting at or after position.</summary>
    public int FirstAtOrAfter(int position)
    {
        int low = 0;
        int high = Mentions.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (Mentions[middle].Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Mentions that lie wholly inside [start, end).</summary>
    public IEnumerable<Mention> Within(int start, int end)
    {
        for (int i = FirstAtOrAfter(start); i < Mentions.Count && Mentions[i].Start < end; i++)
        {
            if (Mentions[i].End <= end)
            {
                yield return Mentions[i];
            }
        }
    }

    public IReadOnlyList<Entity> ToEntities() =>
        [.. Records.Where(r => r.Mentions > 0).Select(r => r.ToEntity())];
}