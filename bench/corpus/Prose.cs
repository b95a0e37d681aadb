using System.Globalization;
using System.Text;

using static Herald.Bench.Corpus.Vocabulary;

namespace Herald.Bench.Corpus;

/// <summary>What one generated story is about: the desk, its main subject, where, and who speaks.</summary>
internal sealed record Story(Section Section, string Subject, string Place, IReadOnlyList<(string Name, string Role)> Cast);

/// <summary>
/// Writes a story's headline, dek and Markdown body from <see cref="Vocabulary"/>: sentence
/// templates with {slots}, paragraphs of two to five sentences, subheadings, quoted statements,
/// the occasional block quote, list and link — the shapes a real body gives the renderer.
/// </summary>
internal sealed class Prose(Random random)
{
    private static readonly string[] Deks =
    [
        "{actor} {verb} {subject} {time}, but {group} say questions remain.",
        "After {small} months of {process}, {subject} is back where it started.",
        "{metric} {rise} by {percent}, and {actor} is being asked why.",
    ];

    public string Headline(Story story)
    {
        var roll = random.NextDouble();
        var subject = Capitalize(WithoutArticle(story.Subject));
        if (roll < 0.10)
        {
            return $"What {story.Subject} means for {Pick(Groups)}";
        }
        if (roll < 0.25)
        {
            var (name, _) = story.Cast[0];
            return $"{name} on {story.Subject}: “{Fill(Pick(Quotes), story)}”";
        }
        var tail = Fill(Pick(HeadlineTails), story);
        return roll < 0.55 ? $"{story.Place}: {WithoutArticle(story.Subject)} {tail}" : $"{subject} {tail}";
    }

    public string Dek(Story story) => Capitalize(Fill(Pick(Deks), story));

    /// <summary>A Markdown body of roughly <paramref name="targetWords"/> words.</summary>
    public string Body(Story story, int targetWords)
    {
        var body = new StringBuilder(targetWords * 7);
        var words = AppendParagraph(body, story, sentences: 2, lead: true);
        var sinceHeading = 1;
        var usedBlockQuote = false;
        var usedList = false;
        while (words < targetWords)
        {
            var roll = random.NextDouble();
            if (words > 250 && sinceHeading >= 3 && targetWords - words > 150 && roll < 0.35)
            {
                words += Append(body, "## " + Capitalize(Fill(Pick(Subheadings), story)));
                sinceHeading = 0;
                continue;
            }
            sinceHeading++;
            if (roll < 0.22)
            {
                words += Append(body, QuoteParagraph(story));
            }
            else if (roll < 0.26 && !usedBlockQuote && targetWords >= 400)
            {
                // A pull quote: the layout sets Markdown block quotes apart from the text.
                var (name, role) = Pick(story.Cast);
                var first = Pick(Quotes);
                var second = Pick(Quotes.Where(q => q != first).ToList());
                words += Append(body, $"> “{Fill(first, story)}. {Fill(second, story)}.”\n>\n> — {name}, {role}");
                usedBlockQuote = true;
            }
            else if (roll < 0.28 && !usedList)
            {
                words += Append(body, KeyFigures(story));
                usedList = true;
            }
            else
            {
                words += AppendParagraph(body, story, sentences: random.Next(2, 6), lead: false);
            }
        }
        return body.ToString();
    }

    private int AppendParagraph(StringBuilder body, Story story, int sentences, bool lead)
    {
        var paragraph = new StringBuilder();
        var used = new HashSet<string>();
        for (var i = 0; i < sentences; i++)
        {
            // The lead opens on the news itself: who did what to the story's subject, and when.
            var template = lead && i == 0 ? Sentences[0] : Pick(Sentences);
            while (!used.Add(template))
            {
                template = Pick(Sentences);
            }
            paragraph.Append(i == 0 ? "" : " ").Append(Capitalize(Fill(template, story)));
        }
        if (random.NextDouble() < 0.03)
        {
            paragraph.Append(CultureInfo.InvariantCulture,
                $" The full report is [published online](https://example.org/reports/{random.Next(1000, 9999)}).");
        }
        return Append(body, paragraph.ToString());
    }

    private string QuoteParagraph(Story story)
    {
        var (name, role) = Pick(story.Cast);
        var template = Pick(Quotes);
        var quote = Fill(template, story);
        return random.Next(3) switch
        {
            0 => $"“{quote},” said {name}, {role}.",
            1 => $"“{quote},” {name} said. “{Fill(Pick(Quotes.Where(q => q != template).ToList()), story)}.”",
            _ => $"{name}, {role}, put it bluntly: “{quote}.”",
        };
    }

    private string KeyFigures(Story story) =>
        "Key figures:\n\n" + string.Join('\n', Enumerable.Range(0, random.Next(3, 6))
            .Select(_ => "- " + Capitalize(Fill("{metric} {rise} by {percent}", story))));

    /// <summary>Replaces each {slot} of the template; unknown slots are a bug in the vocabulary.</summary>
    private string Fill(string template, Story story)
    {
        var text = new StringBuilder(template.Length * 2);
        var start = 0;
        while (true)
        {
            var open = template.IndexOf('{', start);
            if (open < 0)
            {
                return text.Append(template, start, template.Length - start).ToString();
            }
            var close = template.IndexOf('}', open);
            text.Append(template, start, open - start).Append(Slot(template[(open + 1)..close], story));
            start = close + 1;
        }
    }

    private string Slot(string name, Story story) => name switch
    {
        // The main subject comes back most of the time, as it would in a real story.
        "subject" => random.NextDouble() < 0.5 ? story.Subject : Pick(story.Section.Subjects),
        "actor" => Pick(story.Section.Actors),
        "speaker" => Speaker(story),
        "place" => story.Place,
        "verb" => Pick(PastVerbs),
        "time" => Pick(Times),
        "future" => Pick(Futures),
        "month" => Pick(Months),
        "locality" => Pick(Localities),
        "clause" => Pick(Clauses),
        "metric" => Pick(Metrics),
        "judgement" => Pick(Judgements),
        "effect" => Pick(Effects),
        "benefit" => Pick(Benefits),
        "mood" => Pick(Moods),
        "process" => Pick(Processes),
        "value" => Pick(Values),
        "ordinal" => Pick(Ordinals),
        "rise" => Pick(Rises),
        "exclusion" => Pick(Exclusions),
        "group" => Pick(Groups),
        "small" => random.Next(2, 31).ToString(CultureInfo.InvariantCulture),
        "count" => random.Next(20, 900).ToString(CultureInfo.InvariantCulture),
        "percent" => string.Create(CultureInfo.InvariantCulture, $"{random.Next(5, 450) / 10.0:0.0} percent"),
        "money" => string.Create(CultureInfo.InvariantCulture, $"{random.Next(12, 990) / 10.0:0.0} {Pick(Currencies)}"),
        _ => throw new InvalidOperationException($"The vocabulary uses an unknown slot {{{name}}}."),
    };

    /// <summary>"Name, role": one person keeps one role throughout the story.</summary>
    private string Speaker(Story story)
    {
        var (name, role) = Pick(story.Cast);
        return $"{name}, {role},";
    }

    private static int Append(StringBuilder body, string block)
    {
        body.Append(block).Append("\n\n");
        return block.Count(c => c == ' ') + 1;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string WithoutArticle(string phrase) => phrase.StartsWith("the ", StringComparison.Ordinal) ? phrase[4..] : phrase;

    private static string Capitalize(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}