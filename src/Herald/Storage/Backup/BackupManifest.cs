using System.Text.Json;

namespace Herald.Storage.Backup;

/// <summary>
/// The first entry of a backup archive: what it holds, so restore can check before it replaces
/// anything. <see cref="MediaFiles"/> counts the folder's files; <see cref="DatabaseMediaFiles"/>
/// those of the database media store, which travel inside the database copy.
/// </summary>
public sealed record BackupManifest(
    string Format, int Version, DateTime CreatedAt, string Provider, string? Migration,
    long DatabaseBytes, int MediaFiles, long MediaBytes, long DatabaseMediaFiles = 0)
{
    public const string FormatName = "herald-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "herald.db";
    public const string MediaPrefix = "media/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Read(Stream stream, string archive)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest is null || manifest.Format != FormatName)
        {
            throw new BackupException($"{archive} is not a Herald backup (its manifest is missing or unreadable).");
        }
        if (manifest.Version > CurrentVersion)
        {
            throw new BackupException($"{archive} was made by a newer Herald (backup format {manifest.Version}); restore it with that version.");
        }
        return manifest;
    }
}

/// <summary>A backup or restore that cannot go on; printed as one line.</summary>
public sealed class BackupException(string message) : Exception(message);