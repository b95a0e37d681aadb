using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Comments;

/// <summary>
/// A commenter's avatar drawn by Herald: a symmetric 5×5 pattern and a colour, both taken from
/// the avatar key (itself a keyed hash). No request ever leaves for Gravatar or anyone else.
/// </summary>
public static class Identicon
{
    public static bool IsValidKey(string key) => key.Length == 24 && key.All(char.IsAsciiHexDigitLower);

    public static string Svg(string avatarKey)
    {
        var bytes = SHA256.HashData(Encoding.ASCII.GetBytes(avatarKey));
        var hue = ((bytes[0] << 8) | bytes[1]) % 360;
        var colour = string.Create(CultureInfo.InvariantCulture, $"hsl({hue} 55% 45%)");
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\" width=\"48\" height=\"48\" shape-rendering=\"crispEdges\">");
        svg.Append("<rect width=\"5\" height=\"5\" fill=\"#f1eee6\"/>");
        for (var row = 0; row < 5; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                // Fifteen bits decide the left half and middle column; the right half mirrors the left.
                var bit = (row * 3) + column;
                if ((bytes[2 + (bit / 8)] & (1 << (bit % 8))) == 0)
                {
                    continue;
                }
                AppendCell(svg, column, row, colour);
                if (column < 2)
                {
                    AppendCell(svg, 4 - column, row, colour);
                }
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendCell(StringBuilder svg, int x, int y, string colour) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" fill=\"{colour}\"/>");
}