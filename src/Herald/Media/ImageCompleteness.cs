using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;

namespace Herald.Media;

/// <summary>
/// Decoders forgive a file cut short and fill the missing part with grey; a newsroom would
/// rather hear that the upload broke. Each format has a mark at its end: look for it.
/// </summary>
public static class ImageCompleteness
{
    public static bool LooksComplete(IImageFormat format, ReadOnlySpan<byte> bytes) => format switch
    {
        PngFormat => bytes.IndexOf("IEND"u8) > 8,
        // The end-of-image marker; an embedded EXIF thumbnail has one too, but near the start.
        JpegFormat => bytes.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) is var end && end >= bytes.Length / 2,
        GifFormat => bytes.TrimEnd((byte)0).EndsWith((ReadOnlySpan<byte>)[0x3B]),
        // WebP: the RIFF header states the file's length.
        _ => bytes.Length >= 12 && BitConverter.ToUInt32(bytes[4..8]) + 8L <= bytes.Length,
    };
}