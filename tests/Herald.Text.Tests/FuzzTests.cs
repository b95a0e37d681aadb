using System.Text;

namespace Herald.Text.Tests;

/// <summary>Random text built from the characters the scanners care about must never make analysis fail.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "„", "«", "»", "'", "’", ".", ",", ":", "!", "?", "…", " ", "  ", "\n", "\n\n", "\r\n",
        "#", "# ", "> ", "- ", "* ", "**", "_", "`", "```", "[", "](", ")", "(", "<b>", "http://x.y/z",
        "said", "told", "according to", "he", "she", "the president", "President", "Xi", "Putin",
        "Vladimir Putin", "United Nations", "(UN)", "SCO", "that", "in 2023", "last year", "$", "€", "6", "1,200",
        "36%", "bn", "million", "percent", "per cent", "roleXi", "end.Next", "Memorandum On Technical Cooperation",
        "Иван", "«Да»", "中文", "“引语”", "🎉", "\uD800", "\uDC00", "\u200B", "\t", "-", "—", "Mr.", "U.S.",
    ];

    [Fact]
    public void RandomPiecesNeverFail()
    {
        var random = new Random(20260611);
        for (int round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 120);
            for (int i = 0; i < count; i++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) == 0)
                {
                    builder.Append(' ');
                }
            }
            string text = builder.ToString();
            Analysis analysis = NewsAnalyzer.Analyze(text);
            Assert.DoesNotContain(analysis.Checks, c => c.Rule == "analysis-failed");
            AssertOffsetsInside(analysis, text.Length);
            Assert.NotEmpty(AnalysisJson.Serialize(analysis));
        }
    }

    [Fact]
    public void RandomCharactersNeverFail()
    {
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            char[] chars = new char[random.Next(0, 400)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0, 0x3000);
            }
            string text = new(chars);
            Analysis analysis = NewsAnalyzer.Analyze(text);
            Assert.DoesNotContain(analysis.Checks, c => c.Rule == "analysis-failed");
            AssertOffsetsInside(analysis, text.Length);
            Assert.NotEmpty(AnalysisJson.Serialize(analysis));
        }
    }

    [Fact]
    public void KnownEntitiesWithOddValues()
    {
        var options = new AnalyzerOptions
        {
            KnownEntities =
            [
                new KnownEntity("", EntityType.Person, []),
                new KnownEntity("  ", EntityType.Place, ["", " "]),
                new KnownEntity("Herald", EntityType.Organization, null!),
            ],
        };
        Analysis analysis = NewsAnalyzer.Analyze("Herald said it would grow.", options);
        Assert.Contains(analysis.Entities, e => e.Name == "Herald");
    }

    private static void AssertOffsetsInside(Analysis analysis, int length)
    {
        foreach (Quote quote in analysis.Quotes)
        {
            Assert.InRange(quote.Start, 0, length);
            Assert.InRange(quote.End, quote.Start, length);
        }
        foreach (Check check in analysis.Checks)
        {
            Assert.InRange(check.Start, 0, length);
            Assert.InRange(check.End, check.Start, length);
        }
        foreach (Sentence sentence in analysis.Sentences)
        {
            Assert.InRange(sentence.Start, 0, length);
            Assert.InRange(sentence.End, sentence.Start, length);
        }
    }
}