namespace Herald.Text.Gazetteer;

/// <summary>
/// A read-only set of names with one integer each, kept as one character buffer and an open-addressing
/// index instead of a string object per name: the gazetteer holds about 180,000 names and this keeps
/// them to a few megabytes. Looked up by span, so the recognizer never builds a string to ask.
/// </summary>
internal sealed class PackedTable
{
    private readonly char[] _chars;
    private readonly int[] _starts;
    private readonly int[] _values;
    private readonly int[] _slots;
    private readonly int _mask;

    private PackedTable(char[] chars, int[] starts, int[] values, int[] slots)
    {
        _chars = chars;
        _starts = starts;
        _values = values;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    public int Count => _values.Length;

    /// <summary>Approximate bytes held, for the memory figures in bench/text.</summary>
    public long Bytes => (_chars.Length * 2L) + (_starts.Length * 4L) + (_values.Length * 4L) + (_slots.Length * 4L);

    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        int slot = Hash(key) & _mask;
        while (true)
        {
            int index = _slots[slot];
            if (index < 0)
            {
                value = 0;
                return false;
            }
            if (KeyAt(index).SequenceEqual(key))
            {
                value = _values[index];
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    public bool Contains(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    public ReadOnlySpan<char> KeyAt(int index) => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    // FNV-1a: deterministic and quick on the short strings names are.
    private static int Hash(ReadOnlySpan<char> key)
    {
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)(hash ^ (hash >> 15));
    }

    /// <summary>Collects names; a repeated name keeps its first value.</summary>
    public sealed class Builder
    {
        private readonly List<char> _chars = [];
        private readonly List<int> _starts = [0];
        private readonly List<int> _values = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public bool Add(ReadOnlySpan<char> key, int value)
        {
            if (key.IsEmpty || !_seen.Add(key.ToString()))
            {
                return false;
            }
            foreach (char c in key)
            {
                _chars.Add(c);
            }
            _starts.Add(_chars.Count);
            _values.Add(value);
            return true;
        }

        public PackedTable Build()
        {
            int size = 16;
            while (size < _values.Count * 2)
            {
                size <<= 1;
            }
            int[] slots = new int[size];
            Array.Fill(slots, -1);
            var table = new PackedTable([.. _chars], [.. _starts], [.. _values], slots);
            for (int i = 0; i < _values.Count; i++)
            {
                int slot = Hash(table.KeyAt(i)) & (size - 1);
                while (slots[slot] >= 0)
                {
                    slot = (slot + 1) & (size - 1);
                }
                slots[slot] = i;
            }
            return table;
        }
    }
}