using System.Buffers.Binary;

namespace Herald.Media;

/// <summary>
/// What a GIF asks of its decoder, read from the block structure without decoding a pixel:
/// the canvas (logical screen), how many frames follow and the largest frame rectangle. The
/// decoder gives every frame a buffer of the whole canvas, so a file of a few hundred bytes
/// that names a huge canvas and many one-pixel frames costs frames × canvas in memory; this is
/// what <see cref="ImageIntake"/> checks before it lets the decoder start.
/// </summary>
public sealed record GifLayout(int CanvasWidth, int CanvasHeight, int Frames, long LargestFrameArea)
{
    public long CanvasArea => (long)CanvasWidth * CanvasHeight;

    /// <summary>Pixels the decoder holds for all frames together: one canvas per frame.</summary>
    public long DecodedPixels => CanvasArea * Frames;

    /// <summary>
    /// Walks the blocks of a GIF (header, colour tables, extensions, image descriptors and their
    /// data sub-blocks) in one pass. Null when the bytes are not a GIF; a file cut short counts
    /// the frames it holds, as a decoder would.
    /// </summary>
    public static GifLayout? Read(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13 || !(gif[..6].SequenceEqual("GIF87a"u8) || gif[..6].SequenceEqual("GIF89a"u8)))
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt16LittleEndian(gif[6..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(gif[8..]);
        var position = 13 + ColourTableLength(gif[10]);
        var frames = 0;
        var largest = 0L;
        while (position < gif.Length)
        {
            switch (gif[position])
            {
                case 0x21: // extension: label, then data sub-blocks
                    position = SkipSubBlocks(gif, position + 2);
                    break;
                case 0x2C: // image descriptor: left, top, width, height, flags; then the LZW code size and data
                    if (position + 10 > gif.Length)
                    {
                        return new GifLayout(width, height, frames, largest);
                    }
                    var frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(gif[(position + 5)..]);
                    var frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(gif[(position + 7)..]);
                    largest = Math.Max(largest, (long)frameWidth * frameHeight);
                    frames++;
                    position = SkipSubBlocks(gif, position + 10 + ColourTableLength(gif[position + 9]) + 1);
                    break;
                default: // the trailer (0x3B), or bytes that are no block: the decoder stops here too
                    return new GifLayout(width, height, frames, largest);
            }
        }
        return new GifLayout(width, height, frames, largest);
    }

    private static int ColourTableLength(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);

    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int position)
    {
        while (position < gif.Length)
        {
            var size = gif[position];
            position += 1 + size;
            if (size == 0)
            {
                break;
            }
        }
        return position;
    }
}