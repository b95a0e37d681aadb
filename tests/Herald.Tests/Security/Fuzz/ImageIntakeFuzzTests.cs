using Herald.Media;
using Herald.Tests.Newsroom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// Image intake on broken pictures of every accepted format, made from one good picture each with
/// a fixed seed: cut short, bytes flipped, headers claiming huge or zero sizes, random bytes behind
/// a valid signature. Each is taken in or refused with a 4xx <see cref="MediaRejectedException"/>
/// and its message, never another exception, within a bounded CPU time.
/// </summary>
public sealed class ImageIntakeFuzzTests
{
    /// <summary>The cases that decode megapixels or hundreds of frames; the slow tier runs them.</summary>
    private static readonly string[] LargeCases = ["a GIF of 600 one-pixel frames", "a GIF frame bomb"];

    private static readonly TimeSpan CpuCap = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Cases() => new(Mutations().Select(m => m.Name).Where(n => !LargeCases.Contains(n) && !n.Contains("header claiming", StringComparison.Ordinal)));

    /// <summary>Large, and every header that claims a size: those decode as far as the claim allows.</summary>
    public static TheoryData<string> Large() => new(Mutations().Select(m => m.Name).Where(n => LargeCases.Contains(n) || n.Contains("header claiming", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_picture_is_taken_in_or_refused_with_a_reason_in_bounded_time(string name) => Check(name);

    internal static void Check(string name)
    {
        var bytes = Mutations().Single(m => m.Name == name).Bytes;
        Exception? failure = null;
        var cost = CpuTime.Of(() =>
        {
            try
            {
                ImageIntake.Process(bytes);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });

        Assert.True(cost < CpuCap, $"{name}: {cost.TotalSeconds:0.0} s of CPU");
        if (failure is not null)
        {
            var rejected = Assert.IsType<MediaRejectedException>(failure, exactMatch: true);
            Assert.InRange(rejected.StatusCode, 400, 499);
            Assert.EndsWith(".", rejected.Message);
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Mutations()
    {
        var random = new Random(HostileText.Seed);
        foreach (var (format, good) in GoodPictures())
        {
            yield return ($"{format} good", good);
            foreach (var fraction in new[] { 0.02, 0.1, 0.3, 0.5, 0.8, 0.98 })
            {
                var cut = Math.Max(1, (int)(good.Length * fraction));
                yield return ($"{format} cut at {cut} of {good.Length} bytes", good[..cut]);
            }
            for (var i = 0; i < 12; i++)
            {
                var flipped = (byte[])good.Clone();
                // Headers live in the first bytes: half the flips land there.
                var reach = i % 2 == 0 ? Math.Min(64, flipped.Length) : flipped.Length;
                for (var n = 0; n < 1 + (i % 5); n++)
                {
                    flipped[random.Next(reach)] = (byte)random.Next(256);
                }
                yield return ($"{format} flipped bytes, seed {HostileText.Seed} case {i}", flipped);
            }
            yield return ($"{format} signature then random bytes", [.. good[..16], .. HostileText.RandomBytes(random, 8192)]);
            foreach (var (width, height) in new[] { (65535, 65535), (0, 0), (1, 60000), (60000, 1), (16384, 16384) })
            {
                if (ClaimSize(format, good, width, height) is { } claimed)
                {
                    yield return ($"{format} header claiming {width}x{height}", claimed);
                }
            }
        }
        yield return ("empty", []);
        yield return ("one byte", [0x89]);
        yield return ("random bytes", HostileText.RandomBytes(random, 4096));
        yield return ("an SVG with script", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray());
        yield return ("a BMP", Encode(new SixLabors.ImageSharp.Formats.Bmp.BmpEncoder()));
        yield return ("a GIF of 600 one-pixel frames", GifFiles.Animation(1, 1, 600));
        yield return ("a GIF frame bomb", GifFiles.FrameBomb(6000, 6000, 8));
    }

    private static IEnumerable<(string Format, byte[] Bytes)> GoodPictures()
    {
        yield return ("PNG", MediaTests.Png(40, 30));
        yield return ("JPEG", Encode(new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder()));
        yield return ("WebP lossy", Encode(new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossy }));
        yield return ("WebP lossless", Encode(new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless }));
        yield return ("GIF", GifFiles.Animation(40, 30, 3));
    }

    private static byte[] Encode(SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var image = Image.Load<Rgba32>(MediaTests.Png(40, 30));
        using var buffer = new MemoryStream();
        image.Save(buffer, encoder);
        return buffer.ToArray();
    }

    /// <summary>The same file with its header's width and height replaced, where the format keeps them at a fixed place.</summary>
    private static byte[]? ClaimSize(string format, byte[] good, int width, int height)
    {
        var bytes = (byte[])good.Clone();
        switch (format)
        {
            case "PNG":
                // IHDR follows the 8-byte signature and the chunk's length and type: width and height, big-endian.
                WriteBigEndian(bytes, 16, width);
                WriteBigEndian(bytes, 20, height);
                return bytes;
            case "GIF":
                // The logical screen: width and height, little-endian 16-bit, after "GIF89a".
                bytes[6] = (byte)width;
                bytes[7] = (byte)(width >> 8);
                bytes[8] = (byte)height;
                bytes[9] = (byte)(height >> 8);
                return bytes;
            case "JPEG":
                for (var i = 2; i + 8 < bytes.Length; i++)
                {
                    // The start-of-frame marker: precision, then height and width, big-endian 16-bit.
                    if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC2)
                    {
                        bytes[i + 5] = (byte)(height >> 8);
                        bytes[i + 6] = (byte)height;
                        bytes[i + 7] = (byte)(width >> 8);
                        bytes[i + 8] = (byte)width;
                        return bytes;
                    }
                }
                return null;
            case "WebP lossy":
                // VP8 key frame: the start code at 23, then 14-bit width and height, little-endian.
                bytes[26] = (byte)width;
                bytes[27] = (byte)((width >> 8) & 0x3F);
                bytes[28] = (byte)height;
                bytes[29] = (byte)((height >> 8) & 0x3F);
                return bytes;
            default:
                return null;
        }
    }

    private static void WriteBigEndian(byte[] bytes, int at, int value)
    {
        bytes[at] = (byte)(value >> 24);
        bytes[at + 1] = (byte)(value >> 16);
        bytes[at + 2] = (byte)(value >> 8);
        bytes[at + 3] = (byte)value;
    }
}

/// <summary>Pictures that claim or hold many megapixels or frames.</summary>
[Trait("Tier", "Slow")]
public sealed class LargeImageIntakeFuzzTests
{
    public static TheoryData<string> Cases() => ImageIntakeFuzzTests.Large();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_picture_claiming_a_huge_size_is_refused_with_a_reason_in_bounded_time(string name) => ImageIntakeFuzzTests.Check(name);
}