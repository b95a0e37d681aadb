using System.Globalization;
using System.Text;

namespace Herald.Demo;

/// <summary>
/// Draws a demo article's featured image as SVG: a calm abstract composition in the section's
/// colours, different for every slug. Herald ships no photographs it has no right to.
/// </summary>
public static class DemoIllustration
{
    public const int Width = 1200;
    public const int Height = 675;

    private static readonly Dictionary<string, (string Dark, string Light, string Accent)> Palettes = new()
    {
        ["Politics"] = ("#1d3557", "#a8c5da", "#e63946"),
        ["World"] = ("#264653", "#8ab17d", "#e9c46a"),
        ["Business"] = ("#2b2d42", "#8d99ae", "#ef8354"),
        ["Science"] = ("#0b3c49", "#7fc8a9", "#f2e86d"),
        ["Sport"] = ("#14532d", "#86efac", "#facc15"),
        ["Culture"] = ("#4a1942", "#c89fa3", "#f4a259"),
        ["Technology"] = ("#1e1b4b", "#a5b4fc", "#22d3ee"),
    };

    public static string Draw(string slug, string category)
    {
        var (dark, light, accent) = Palettes.GetValueOrDefault(category, ("#333333", "#bbbbbb", "#d62828"));
        var random = new Random(StableHash(slug));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{dark}"/><stop offset="1" stop-color="{light}"/></linearGradient></defs>""");
        svg.Append("""<rect width="100%" height="100%" fill="url(#g)"/>""");

        // A horizon of overlapping hills, then a few circles: reads as a scene at thumbnail size.
        for (var layer = 0; layer < 3; layer++)
        {
            var baseY = Height * (0.55 + layer * 0.13);
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M0 {Height} L0 {baseY:F0}""");
            for (var x = 0; x <= Width; x += 150)
            {
                svg.Append(CultureInfo.InvariantCulture, $" Q{x + 75} {baseY - random.Next(20, 120):F0} {x + 150} {baseY + random.Next(-30, 30):F0}");
            }
            svg.Append(CultureInfo.InvariantCulture, $"""L{Width} {Height} Z" fill="{dark}" fill-opacity="{0.35 + layer * 0.2:F2}"/>""");
        }
        for (var i = 0; i < 4; i++)
        {
            var r = random.Next(30, 140);
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{random.Next(r, Width - r)}" cy="{random.Next(r, Height / 2)}" r="{r}" fill="{(i == 0 ? accent : light)}" fill-opacity="{(i == 0 ? 0.9 : 0.25):F2}"/>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int StableHash(string text)
    {
        // FNV-1a: string.GetHashCode changes per process, and images must not.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}