using System.IO.Compression;
using System.Reflection;

namespace Herald.Text.Gazetteer;

/// <summary>Reads the name lists embedded in the assembly: plain lines, or raw-deflated ones for the large generated lists.</summary>
internal static class PackReader
{
    public static IEnumerable<string[]> Lines(string fileName, char separator)
    {
        Assembly assembly = typeof(PackReader).Assembly;
        string? resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(fileName, StringComparison.Ordinal));
        if (resource is null)
        {
            yield break;
        }
        using Stream raw = assembly.GetManifestResourceStream(resource)!;
        using Stream stream = fileName.EndsWith(".pack", StringComparison.Ordinal) ? new DeflateStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            yield return separator == '|' ? line.Split('|', StringSplitOptions.TrimEntries) : line.Split(separator);
        }
    }
}