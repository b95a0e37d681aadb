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

    /// <summary>
    /// The entities to report. A "person" known by nothing but capital letters ("Norra Vestby") is as often a school,
    /// a brand or a street, so it is left out unless a quotation is given to it; it stays in the index, where
    /// attribution may still find it.
    /// </summary>
    public IReadOnlyList<Entity> ToEntities(IReadOnlyList<Quote> quotes)
    {
        var entities = new List<Entity>(Records.Count);
        foreach (EntityRecord record in Records)
        {
            if (record.Mentions > 0 && (!OnlyCapitals(record) || Speaks(record, quotes)))
            {
                entities.Add(record.ToEntity());
            }
        }
        return entities;
    }

    private static bool Speaks(EntityRecord record, IReadOnlyList<Quote> quotes)
    {
        foreach (Quote quote in quotes)
        {
            if (string.Equals(quote.Speaker, record.Name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool OnlyCapitals(EntityRecord record)
    {
        if (record.Type != EntityType.Person)
        {
            return false;
        }
        foreach (Evidence item in record.Evidence)
        {
            if (item.Weight > Weights.NameShaped)
            {
                return false;
            }
        }
        return true;
    }
}