using System.Globalization;
using Herald.Tests.WordPress.Import;

// herald-bench-wordpress generate POSTS FILE: writes a WordPress export of POSTS small posts.
if (args is not ["generate", var count, var file] || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var posts))
{
    Console.Error.WriteLine("Usage: herald-bench-wordpress generate POSTS FILE");
    return 2;
}
var written = WxrGenerator.Write(file, posts);
Console.WriteLine($"Wrote {file}: {written.Posts} posts, {written.Comments} comments, {new FileInfo(file).Length / (1024 * 1024)} MB.");
return 0;