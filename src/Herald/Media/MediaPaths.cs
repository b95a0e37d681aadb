using Microsoft.AspNetCore.StaticFiles;

namespace Herald.Media;

/// <summary>The paths media files are stored under and served from (/media/PATH), whichever store holds them.</summary>
public static class MediaPaths
{
    public const string UrlPrefix = "/media";
    public const int MaxLength = 500;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>A relative path with forward slashes, or null when it is empty, too long or leaves its folder.</summary>
    public static string? Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        if (path.Length is 0 or > MaxLength || path.Any(char.IsControl))
        {
            return null;
        }
        var segments = path.Split('/');
        return segments.Any(s => s is "" or "." or "..") ? null : path;
    }

    public static string UrlOf(string path) => $"{UrlPrefix}/{path}";

    /// <summary>The type the static-file server would send for the name: the same for every store.</summary>
    public static string ContentTypeOf(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
}