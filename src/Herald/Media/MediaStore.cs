namespace Herald.Media;

/// <summary>
/// Where media files live: a local folder by default (<see cref="LocalMediaStore"/>), or the
/// site's database (<see cref="DatabaseMediaStore"/>), which every node of a site reads.
/// Either way a file is served at /media/PATH.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the content under a relative path and returns its public URL.</summary>
    Task<string> SaveAsync(string relativePath, Stream content, CancellationToken ct);

    bool Exists(string relativePath);

    /// <summary>The size in bytes of the file this store serves at a public URL (feeds announce it), or null when it serves none there.</summary>
    long? SizeOf(string url);
}

public sealed class LocalMediaStore(string root) : IMediaStore
{
    public async Task<string> SaveAsync(string relativePath, Stream content, CancellationToken ct)
    {
        var target = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Write to a temporary name first so a reader never sees half a file; the name is unique
        // so that two writers of the same file (sites sharing a media folder) do not collide.
        var temporary = $"{target}.{Guid.NewGuid():N}.part";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, ct);
        }
        File.Move(temporary, target, overwrite: true);
        return MediaPaths.UrlOf(relativePath.Replace('\\', '/'));
    }

    public bool Exists(string relativePath) => File.Exists(Resolve(relativePath));

    public long? SizeOf(string url)
    {
        if (!url.StartsWith(MediaPaths.UrlPrefix + "/", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var file = new FileInfo(Resolve(Uri.UnescapeDataString(url[(MediaPaths.UrlPrefix.Length + 1)..])));
            return file.Exists ? file.Length : null;
        }
        catch (ArgumentException)
        {
            // A stored address that would leave the media folder names nothing of the store's.
            return null;
        }
    }

    private string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("A media path must stay inside the media folder.", nameof(relativePath));
        }
        return full;
    }
}