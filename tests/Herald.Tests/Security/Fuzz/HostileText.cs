using System.Text;

namespace Herald.Tests.Security.Fuzz;

/// <summary>
/// Hostile inputs made from a fixed seed, so a failure names its seed and case and comes back the
/// same on any machine: random bytes and characters, broken UTF-8, NUL and control characters,
/// deep nesting, numbers too long for any integer, and sizes just over a limit.
/// </summary>
public static class HostileText
{
    public const int Seed = 20261206;

    /// <summary>Text of any Unicode characters, lone surrogates, NULs and controls included.</summary>
    public static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(10) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0xD800, 0xE000),
                2 => "<>&\"'[]()*_`#!|\\{}%=:/"[random.Next(22)],
                3 => (char)random.Next(0x80, 0xFFFF),
                _ => (char)random.Next(32, 127),
            });
        }
        return text.ToString();
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>UTF-8 that no decoder accepts: stray continuation bytes, overlong forms, cut sequences, surrogates.</summary>
    public static readonly byte[][] BrokenUtf8 =
    [
        [0xFF, 0xFE],
        [0xC0, 0xAF],
        [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80],
        [0xC3],
        [0x80, 0x80, 0x80],
    ];

    /// <summary>Numbers no integer holds, and the spellings parsers disagree about.</summary>
    public static readonly string[] Numbers =
    [
        "99999999999999999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "4294967296",
        "9223372036854775808", "1e9", "0x10", "1.5", "-0", "+1", " 1", "1 ", "١٢", "NaN", "Infinity", "", "\0", "1\u00002",
    ];

    /// <summary>
    /// What a browser can send of the text: no NUL (Herald drops it from forms, see FormNulTests)
    /// and no lone surrogates (a browser sends U+FFFD for them).
    /// </summary>
    public static string Sendable(string text)
    {
        var sendable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sendable.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sendable.Append('�');
            }
            else if (c != '\0')
            {
                sendable.Append(c);
            }
        }
        return sendable.ToString();
    }

    /// <summary>Text as an HTML parser gives it back from a textarea: line breaks as LF.</summary>
    public static string AsParsed(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Opening markup nested <paramref name="depth"/> deep, never closed.</summary>
    public static string Nested(string open, int depth) => Repeat(open, depth);
}