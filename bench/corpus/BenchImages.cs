using System.Text;

using Herald.Demo;
using Herald.Media;

namespace Herald.Bench.Corpus;

/// <summary>
/// One small SVG per section under media/bench/, drawn by Herald's own demo illustrator.
/// A handful of files is enough: the bench measures pages, not image serving.
/// </summary>
internal static class BenchImages
{
    public static async Task<IReadOnlyList<string>> SaveAsync(IMediaStore media, CancellationToken ct)
    {
        var urls = new List<string>();
        foreach (var section in Vocabulary.Sections)
        {
            var svg = DemoIllustration.Draw($"bench-{section.Name}", section.Name);
            var path = $"bench/{section.Name.ToLowerInvariant()}.svg";
            urls.Add(await media.SaveAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(svg)), ct));
        }
        return urls;
    }
}