using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Herald.Media;

/// <summary>An upload refused, with the status code and the words to show.</summary>
public sealed class MediaRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

public sealed record ProcessedImage(string Extension, string ContentType, int Width, int Height, byte[] Full, IReadOnlyList<(int Width, byte[] Bytes)> Renditions);

/// <summary>
/// Turns uploaded bytes into pictures fit to publish. The content decides what a file is, never
/// its name; the size is read from the header before any pixel is decoded, so a small file that
/// claims a huge picture is refused cheaply; location and camera metadata are removed.
/// </summary>
public static class ImageIntake
{
    /// <summary>The largest picture file accepted, uploaded or imported; the request size limit follows from it.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public const long MaxPixels = 40_000_000;
    public static readonly IReadOnlyList<int> RenditionWidths = [480, 800, 1200, 1600];

    public static ProcessedImage Process(byte[] bytes)
    {
        var format = Detect(bytes);
        var info = Identify(bytes);
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new MediaRejectedException(422,
                $"The picture claims to be {info.Width:N0} × {info.Height:N0} pixels; Herald accepts at most {MaxPixels / 1_000_000} megapixels. Resize it and upload it again.");
        }
        if (!ImageCompleteness.LooksComplete(format, bytes))
        {
            throw Damaged();
        }
        using var image = Decode(bytes);
        // Turn the picture upright, then drop every metadata block: GPS position, camera serials, edits.
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);

        var encoder = EncoderFor(format);
        var renditions = new List<(int, byte[])>();
        foreach (var width in RenditionWidths.Where(w => w < image.Width))
        {
            using var smaller = image.Clone(x => x.Resize(width, 0));
            renditions.Add((width, Encode(smaller, encoder)));
        }
        return new ProcessedImage(Extension(format), format.DefaultMimeType, image.Width, image.Height, Encode(image, encoder), renditions);
    }

    private static IImageFormat Detect(byte[] bytes)
    {
        var format = Image.DetectFormat(bytes);
        if (format is null)
        {
            throw new MediaRejectedException(415, "This file is not a picture Herald can read, whatever its name says. Upload a JPEG, PNG, WebP or GIF image.");
        }
        if (format is not (JpegFormat or PngFormat or WebpFormat or GifFormat))
        {
            throw new MediaRejectedException(415, $"This is a {format.Name} image; Herald accepts JPEG, PNG, WebP and GIF. Save it in one of those and upload it again.");
        }
        return format;
    }

    private static IImageInfo Identify(byte[] bytes)
    {
        try
        {
            return Image.Identify(bytes) ?? throw Damaged();
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw Damaged();
        }
    }

    private static Image Decode(byte[] bytes)
    {
        try
        {
            return Image.Load(bytes);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidOperationException
            or ArgumentException or SixLabors.ImageSharp.Memory.InvalidMemoryOperationException)
        {
            throw Damaged();
        }
    }

    private static MediaRejectedException Damaged() =>
        new(422, "This picture is damaged or incomplete (perhaps the upload was cut short). Open it on your computer to check, then upload it again.");

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static IImageEncoder EncoderFor(IImageFormat format) => format switch
    {
        JpegFormat => new JpegEncoder { Quality = 82 },
        PngFormat => new PngEncoder(),
        WebpFormat => new WebpEncoder { Quality = 80 },
        _ => new GifEncoder(),
    };

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var buffer = new MemoryStream();
        image.Save(buffer, encoder);
        return buffer.ToArray();
    }

    private static string Extension(IImageFormat format) => format switch
    {
        JpegFormat => "jpg",
        PngFormat => "png",
        WebpFormat => "webp",
        _ => "gif",
    };
}