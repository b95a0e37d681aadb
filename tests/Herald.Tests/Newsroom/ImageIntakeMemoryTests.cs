using System.Diagnostics;
using Herald.Media;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>
/// A frame bomb must be refused before the decoder allocates anything: the process's memory is
/// read before and after. It runs alone, so no other test's pictures move the figure.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ImageIntakeMemoryTests
{
    private const long Allowance = 200L * 1024 * 1024;

    [Theory]
    [InlineData(8)]
    [InlineData(700)]
    public void A_frame_bomb_is_refused_without_the_memory_its_frames_would_take(int frames)
    {
        var bomb = GifFiles.FrameBomb(6000, 6000, frames);
        var before = Resident();

        var refusal = Assert.Throws<MediaRejectedException>(() => ImageIntake.Process(bomb));

        var grown = Resident() - before;
        Assert.Equal(422, refusal.StatusCode);
        Assert.True(grown < Allowance, $"the process grew by {grown / (1024 * 1024)} MB refusing a {bomb.Length}-byte file");
    }

    private static long Resident()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}