using System.Text.Json;

namespace Herald.Text.Tests;

/// <summary>Analysis must finish quickly and never throw, whatever the editor pastes in.</summary>
public sealed class RobustnessTests
{
    private static Analysis AnalyzeAndSerialize(string text)
    {
        Analysis analysis = NewsAnalyzer.Analyze(text);
        Assert.DoesNotContain(analysis.Checks, c => c.Rule == "analysis-failed");
        using JsonDocument json = JsonDocument.Parse(AnalysisJson.Serialize(analysis));
        Assert.NotNull(AnalysisReport.Format(analysis));
        foreach (Quote quote in analysis.Quotes)
        {
            Assert.InRange(quote.Start, 0, text.Length);
            Assert.InRange(quote.End, quote.Start, text.Length);
        }
        return analysis;
    }

    [Fact]
    public void EmptyAndWhitespace()
    {
        Assert.Empty(AnalyzeAndSerialize("").Quotes);
        Assert.Empty(AnalyzeAndSerialize("   \n\n\t  ").Sentences);
        Assert.Empty(NewsAnalyzer.Analyze(null!).Quotes);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("”")]
    [InlineData("“““")]
    [InlineData("»«»«")]
    [InlineData("\" \" \" \"")]
    [InlineData("said")]
    [InlineData("$")]
    [InlineData("1,")]
    [InlineData("(SCO)")]
    [InlineData("A (")]
    [InlineData("[link](")]
    [InlineData("```\ncode")]
    [InlineData("#")]
    [InlineData("> > >")]
    [InlineData("U.S.")]
    [InlineData("...")]
    [InlineData("„")]
    public void MalformedFragments(string text)
    {
        AnalyzeAndSerialize(text);
    }

    [Fact]
    public void MixedScriptsEmojiAndLoneSurrogates()
    {
        string text = "Президент Иван Петров сказал: «Мы готовы». 习近平说：“中国将发挥建设性作用。” 🎉🇺🇳 \"Ready,\" Anna Berg said \uD800 and \uDC00x.";
        Analysis analysis = AnalyzeAndSerialize(text);
        Assert.Contains(analysis.Quotes, q => q.Speaker == "Anna Berg");
        string json = AnalysisJson.Serialize(analysis);
        Assert.Contains("Мы готовы", json, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasTheAgreedShape()
    {
        string json = AnalysisJson.Serialize(NewsAnalyzer.Analyze("\"We are ready,\" Anna Berg said of the 36 percent rise in 2023."));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement quote = root.GetProperty("quotes")[0];
        Assert.Equal("direct", quote.GetProperty("kind").GetString());
        Assert.Equal("Anna Berg", quote.GetProperty("speaker").GetString());
        Assert.Equal(0, quote.GetProperty("start").GetInt32());
        Assert.InRange(quote.GetProperty("confidence").GetDouble(), 0.8, 1);
        Assert.Equal(JsonValueKind.String, quote.GetProperty("evidence")[0].ValueKind);
        JsonElement entity = root.GetProperty("entities")[0];
        Assert.Equal("person", entity.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, entity.GetProperty("aliases").ValueKind);
        Assert.Equal(JsonValueKind.Number, entity.GetProperty("mentions").ValueKind);
        Assert.InRange(entity.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.String, entity.GetProperty("evidence")[0].ValueKind);
        JsonElement figure = root.GetProperty("figures")[0];
        Assert.Equal(36, figure.GetProperty("value").GetDouble());
        Assert.Equal("in 2023", figure.GetProperty("period").GetString());
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("scale").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("checks").ValueKind);
        Assert.Contains("\n  ", json, StringComparison.Ordinal);
    }
}