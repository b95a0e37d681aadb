using System.Diagnostics;
using System.Globalization;
using System.Text;

using Herald.Text;
using Herald.Text.Tests.Quality;

// Usage: dotnet run -c Release --project bench/text [-- target-megabytes]
// Measures single-thread analysis throughput over the gold corpus repeated to a few MB, then prints
// the quality table for the whole gold set and for the held-out unseen articles.
if (args.Length == 2 && args[0] == "--file")
{
    // Debug aid: analyse one file and print the report and the JSON.
    Analysis single = NewsAnalyzer.Analyze(File.ReadAllText(args[1]));
    Console.WriteLine(AnalysisReport.Format(single));
    Console.WriteLine(AnalysisJson.Serialize(single));
    return;
}

double targetMegabytes = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out double requested) ? requested : 4;
IReadOnlyList<GoldArticle> articles = GoldArticle.LoadAll(GoldArticle.FindGoldDirectory());
long corpusChars = articles.Sum(a => (long)a.Text.Length);
long corpusBytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));

// Warm-up: JIT, tiered compilation and the gazetteer load happen here, not in the measurement.
for (int round = 0; round < 20; round++)
{
    foreach (GoldArticle article in articles)
    {
        NewsAnalyzer.Analyze(article.Text);
    }
}

int repeats = (int)Math.Ceiling(targetMegabytes * 1024 * 1024 / corpusBytes);
long analysedBytes = 0;
int checksum = 0;
var watch = Stopwatch.StartNew();
for (int round = 0; round < repeats; round++)
{
    foreach (GoldArticle article in articles)
    {
        Analysis analysis = NewsAnalyzer.Analyze(article.Text);
        checksum += analysis.Quotes.Count + analysis.Entities.Count;
    }
    analysedBytes += corpusBytes;
}
watch.Stop();
double megabytes = analysedBytes / (1024.0 * 1024.0);
Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
    "Per-article throughput: {0:0.00} MB (UTF-8) in {1:0.000} s = {2:0.00} MB/s on one thread ({3} articles x {4} rounds, {5} chars each round, checksum {6})",
    megabytes, watch.Elapsed.TotalSeconds, megabytes / watch.Elapsed.TotalSeconds, articles.Count, repeats, corpusChars, checksum));

// One big document: the whole corpus concatenated to the same size, to show analysis stays linear.
var big = new StringBuilder();
while (Encoding.UTF8.GetByteCount(big.ToString()) < targetMegabytes * 1024 * 1024 && big.Length < 64 * 1024 * 1024)
{
    foreach (GoldArticle article in articles)
    {
        big.Append(article.Text).Append("\n\n");
    }
}
string bigText = big.ToString();
watch.Restart();
Analysis whole = NewsAnalyzer.Analyze(bigText);
watch.Stop();
double bigMegabytes = Encoding.UTF8.GetByteCount(bigText) / (1024.0 * 1024.0);
Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
    "Single document:        {0:0.00} MB in {1:0.000} s = {2:0.00} MB/s ({3} quotes, {4} entities)",
    bigMegabytes, watch.Elapsed.TotalSeconds, bigMegabytes / watch.Elapsed.TotalSeconds, whole.Quotes.Count, whole.Entities.Count));

Console.WriteLine();
Console.WriteLine($"Quality, all {articles.Count} gold articles:");
Console.WriteLine(GoldScorer.Evaluate(articles).Table());
Console.WriteLine($"Quality, {articles.Count(a => a.Unseen)} unseen articles only:");
Console.WriteLine(GoldScorer.Evaluate(articles.Where(a => a.Unseen)).Table());
if (args.Contains("--mistakes"))
{
    Console.WriteLine(GoldScorer.Evaluate(articles).Mistakes);
}