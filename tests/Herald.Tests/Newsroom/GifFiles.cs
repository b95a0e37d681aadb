using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace Herald.Tests.Newsroom;

/// <summary>GIF files for upload tests: an honest animation, and a frame bomb written block by block.</summary>
public static class GifFiles
{
    /// <summary>
    /// A valid GIF of a few hundred bytes whose canvas is huge and whose frames are one pixel
    /// each: a decoder that gives every frame a whole canvas needs frames × width × height × 4 bytes.
    /// </summary>
    public static byte[] FrameBomb(int canvasWidth, int canvasHeight, int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, canvasWidth);
        WriteUInt16(gif, canvasHeight);
        gif.Write([0x80, 0, 0]); // a global colour table of two colours
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0x04, 10, 0, 0, 0]); // graphic control: 0.1 s, keep the frame
            gif.WriteByte(0x2C);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, 1);
            WriteUInt16(gif, 1);
            gif.WriteByte(0);
            gif.Write([2, 2, 0x4C, 0x01, 0]); // LZW minimum code size 2, one pixel of colour 0
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>An ordinary animation, encoded by ImageSharp: each frame a different shade.</summary>
    public static byte[] Animation(int width, int height, int frames)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 40, 40));
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(width, height, new Rgba32((byte)(40 * i), 120, 200));
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }
        using var buffer = new MemoryStream();
        image.Save(buffer, new GifEncoder());
        return buffer.ToArray();
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        stream.Write(bytes);
    }
}