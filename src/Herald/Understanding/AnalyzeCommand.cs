using System.Text;
using Herald.Hosting;
using Herald.Text;

namespace Herald.Understanding;

/// <summary>`herald analyze FILE [--json]`: Herald.Text on a plain-text or Markdown file.</summary>
public static class AnalyzeCommand
{
    /// <summary>Analysis is bounded, but a file much larger than any article is surely a mistake.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static async Task<int> RunAsync(CommandLineArguments args)
    {
        args.AllowOnly("json");
        var path = args.Words.ElementAtOrDefault(1) ?? throw new CommandLineException("analyze needs a file: herald analyze FILE [--json].");
        if (!File.Exists(path))
        {
            throw new CommandLineException($"There is no file {path}.");
        }
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new CommandLineException($"{path} is larger than {MaxFileBytes / (1024 * 1024)} MB; analyze one article at a time.");
        }

        // Offsets are UTF-16 indexes into the file's text, so the text must be read exactly:
        // UTF-8 (a byte-order mark is dropped by the reader, as any editor would).
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8);
        var analysis = NewsAnalyzer.Analyze(text);
        var output = args.Has("json") ? AnalysisJson.Serialize(analysis) : AnalysisReport.Format(analysis);
        await Console.Out.WriteLineAsync(output);
        return 0;
    }
}