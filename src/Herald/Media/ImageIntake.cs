using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
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
/// An animated GIF is counted the same way: every frame costs the decoder a whole canvas, so the
/// frames and their pixels together must fit the budget of one still picture, and an animation
/// that fits is kept animated, renditions included.
/// </summary>
public static class ImageIntake
{
    /// <summary>The largest picture file accepted, uploaded or imported; the request size limit follows from it.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>Pixels one upload may decode to: a still picture, or all the frames of an animation together.</summary>
    public const long MaxPixels = 40_000_000;

    public const int MaxFrames = 500;

    public static readonly IReadOnlyList<int> RenditionWidths = [480, 800, 1200, 1600];

    /// <summary>
    /// Decoding and resizing draw on their own allocator: no single buffer beyond what the pixel
    /// budget needs (4 bytes a pixel, with room for the decoders' own tables), and little kept
    /// pooled after an upload, so one large picture does not leave the process holding its memory.
    /// </summary>
    private static readonly Configuration Intake = CreateConfiguration();

    public static ProcessedImage Process(byte[] bytes)
    {
        var format = Detect(bytes);
        var info = Identify(bytes);
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new MediaRejectedException(422,
                $"The picture claims to be {info.Width:N0} × {info.Height:N0} pixels; Herald accepts at most {MaxPixels / 1_000_000} megapixels. Resize it and upload it again.");
        }
        if (format is GifFormat && GifLayout.Read(bytes) is { } animation)
        {
            CheckAnimation(animation);
        }
        if (!ImageCompleteness.LooksComplete(format, bytes))
        {
            throw Damaged();
        }
        using var image = Decode(bytes, format);
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
        var format = Image.DetectFormat(Intake, bytes);
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
            return Image.Identify(Intake, bytes, out _) ?? throw Damaged();
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Damaged();
        }
    }

    private static void CheckAnimation(GifLayout gif)
    {
        if (gif.Frames > MaxFrames)
        {
            throw new MediaRejectedException(422,
                $"This animation has {gif.Frames:N0} frames; Herald accepts at most {MaxFrames:N0}. Shorten it and upload it again.");
        }
        if (gif.DecodedPixels > MaxPixels || gif.LargestFrameArea > MaxPixels)
        {
            throw new MediaRejectedException(422,
                $"This animation has {gif.Frames:N0} frames of {gif.CanvasWidth:N0} × {gif.CanvasHeight:N0} pixels, " +
                $"{Math.Max(gif.DecodedPixels, gif.LargestFrameArea) / 1_000_000.0:N0} megapixels in all; Herald accepts at most " +
                $"{MaxPixels / 1_000_000} megapixels across all the frames of an animation. Make it smaller or shorter and upload it again.");
        }
    }

    private static Image Decode(byte[] bytes, IImageFormat format)
    {
        try
        {
            // The frame cap repeats the check above inside the decoder, for a file whose blocks read differently to it.
            return format is GifFormat
                ? Image.Load(Intake, bytes, new GifDecoder { MaxFrames = MaxFrames })
                : Image.Load(Intake, bytes);
        }
        catch (InvalidMemoryOperationException)
        {
            throw new MediaRejectedException(422,
                $"This picture needs more memory to open than Herald allows one upload ({MaxPixels / 1_000_000} megapixels). Make it smaller and upload it again.");
        }
        catch (Exception e) when (IsDecoderFailure(e))
        {
            throw Damaged();
        }
    }

    /// <summary>
    /// How a decoder fails on hostile bytes is not up to the file's sender: besides its own format
    /// errors, a damaged WebP stream makes it index out of its tables. Every such failure means the
    /// file is damaged (a 422), never a server error; running out of memory is the allocator's to report.
    /// </summary>
    private static bool IsDecoderFailure(Exception e) =>
        e is ImageFormatException or NotSupportedException or InvalidOperationException or ArgumentException
            or IndexOutOfRangeException or NullReferenceException or OverflowException or ArithmeticException
            or EndOfStreamException;

    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = (int)(MaxPixels * 4 / (1024 * 1024)) + 64,
            MaximumPoolSizeMegabytes = 64,
        });
        return configuration;
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