using Herald.Storage;

namespace Herald.Hosting;

/// <summary>How one Herald process serves: where it listens, which database, and where files live.</summary>
public sealed record ServeOptions
{
    public required DatabaseConnection Database { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5000";
    public bool Demo { get; init; }

    /// <summary>Turns the output cache off (for measuring what the cache buys).</summary>
    public bool OutputCache { get; init; } = true;

    /// <summary>
    /// Read SQLite memory-mapped (see <see cref="Storage.SqliteConnectionTuning"/>): right for a
    /// server answering searches and pages, off for bulk commands (import, export), where mapped
    /// pages would only swell the resident memory an operator watches.
    /// </summary>
    public bool MemoryMappedReads { get; init; } = true;

    /// <summary>Redis for the output cache when several Herald nodes share one site.</summary>
    public string? Redis { get; init; }

    /// <summary>Uploaded and generated media; by default beside the SQLite file, else ./data/media.</summary>
    public string MediaFolder => Path.Combine(
        Database.SqliteFile is { } file ? Path.GetDirectoryName(file)! : Path.GetFullPath("data"), "media");
}