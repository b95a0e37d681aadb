namespace Herald.Media;

/// <summary>
/// The spot of a picture that must stay in view when a layout crops it (a card's 16:9 frame, a
/// square thumbnail): percentages across and down, 50/50 being the middle. Pages show it with
/// classes (<see cref="Classes"/>) that set CSS custom properties in site.css, because the
/// content policy forbids inline styles; the classes come in steps of <see cref="Step"/>%.
/// </summary>
public static class FocalPoint
{
    public const int Middle = 50;
    public const int Step = 5;

    public static bool IsValid(int percent) => percent is >= 0 and <= 100;

    /// <summary>The classes that put the spot at (<paramref name="x"/>, <paramref name="y"/>) in a cropping frame.</summary>
    public static string Classes(int x, int y) => $"focus-x-{Snap(x)} focus-y-{Snap(y)}";

    private static int Snap(int percent) => (int)Math.Round(Math.Clamp(percent, 0, 100) / (double)Step, MidpointRounding.AwayFromZero) * Step;
}