using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Herald.Text;

/// <summary>The JSON shape the web app and the CLI hand to clients.</summary>
public static class AnalysisJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Quotes are full of “ ” « » and non-Latin names; keep them readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteQuotes(json, analysis.Quotes);
            WriteEntities(json, analysis.Entities);
            WriteFigures(json, analysis.Figures);
            WriteChecks(json, analysis.Checks);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteQuotes(Utf8JsonWriter json, IReadOnlyList<Quote> quotes)
    {
        json.WriteStartArray("quotes");
        foreach (Quote quote in quotes)
        {
            json.WriteStartObject();
            json.WriteString("text", Safe(quote.Text));
            WriteNullable(json, "speaker", quote.Speaker);
            WriteNullable(json, "cue", quote.Cue);
            json.WriteString("kind", quote.Kind == QuoteKind.Direct ? "direct" : "indirect");
            json.WriteNumber("start", quote.Start);
            json.WriteNumber("end", quote.End);
            json.WriteNumber("confidence", quote.Confidence);
            WriteEvidence(json, quote.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteEntities(Utf8JsonWriter json, IReadOnlyList<Entity> entities)
    {
        json.WriteStartArray("entities");
        foreach (Entity entity in entities)
        {
            json.WriteStartObject();
            json.WriteString("name", Safe(entity.Name));
            json.WriteString("type", TypeName(entity.Type));
            json.WriteStartArray("aliases");
            foreach (string alias in entity.Aliases)
            {
                json.WriteStringValue(Safe(alias));
            }
            json.WriteEndArray();
            json.WriteNumber("mentions", entity.Mentions);
            json.WriteNumber("confidence", entity.Confidence);
            WriteEvidence(json, entity.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFigures(Utf8JsonWriter json, IReadOnlyList<Figure> figures)
    {
        json.WriteStartArray("figures");
        foreach (Figure figure in figures)
        {
            json.WriteStartObject();
            json.WriteString("text", Safe(figure.Text));
            json.WriteNumber("value", figure.Value);
            json.WriteString("unit", figure.Unit);
            WriteNullable(json, "scale", figure.Scale);
            WriteNullable(json, "period", figure.Period);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteChecks(Utf8JsonWriter json, IReadOnlyList<Check> checks)
    {
        json.WriteStartArray("checks");
        foreach (Check check in checks)
        {
            json.WriteStartObject();
            json.WriteString("rule", check.Rule);
            json.WriteString("message", Safe(check.Message));
            json.WriteNumber("start", check.Start);
            json.WriteNumber("end", check.End);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<string> evidence)
    {
        json.WriteStartArray("evidence");
        foreach (string reason in evidence)
        {
            json.WriteStringValue(Safe(reason));
        }
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Safe(value));
        }
    }

    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organization",
        _ => "place",
    };

    /// <summary>Lone surrogates cannot be encoded as UTF-8; the writer would throw, so they become U+FFFD.</summary>
    private static string Safe(string value)
    {
        int index = 0;
        while (index < value.Length)
        {
            if (char.IsSurrogate(value[index]))
            {
                return ReplaceLoneSurrogates(value);
            }
            index++;
        }
        return value;
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }
}