using Herald.Text.Checks;
using Herald.Text.Entities;
using Herald.Text.Figures;
using Herald.Text.Markdown;
using Herald.Text.Quotes;
using Herald.Text.Segmentation;

namespace Herald.Text;

/// <summary>Reads one article and reports who said what, about whom, with which figures, and what an editor should fix.</summary>
public static class NewsAnalyzer
{
    public static Analysis Analyze(string text, AnalyzerOptions? options = null)
    {
        text ??= "";
        options ??= new AnalyzerOptions();
        try
        {
            return Run(text, options);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Herald must never fail to publish because analysis tripped; the editor sees why it is empty.
            return new Analysis
            {
                Text = text,
                Checks = [new Check("analysis-failed", $"Text analysis stopped early: {error.GetType().Name}.", 0, text.Length)],
            };
        }
    }

    private static Analysis Run(string original, AnalyzerOptions options)
    {
        MarkdownMask mask = MarkdownMask.Build(original);
        string text = mask.Text;
        List<Paragraph> paragraphs = ParagraphSplitter.Split(mask);
        List<Sentence> sentences = SentenceSplitter.Split(text, paragraphs);
        var article = new ArticleContext
        {
            Text = text,
            Paragraphs = paragraphs,
            Sentences = sentences,
            Tokens = Tokenizer.Tokenize(text),
        };
        using var names = new NameBook(Gazetteer.Gazetteer.Default, options.KnownEntities ?? []);
        article.Entities = EntityRecognizer.Recognize(text, article.Tokens, sentences, paragraphs, names);

        var checks = new List<Check>();
        List<RawQuote> scanned = QuoteScanner.Scan(text, paragraphs, checks);
        scanned.Sort((a, b) => a.Start.CompareTo(b.Start));
        List<RawQuote> statements = [.. scanned.Where(q => !ScareQuotes.IsScareQuote(text, q))];
        foreach (RawQuote quote in statements)
        {
            article.QuoteSpans.Add((quote.Start, quote.End));
        }
        List<Quote> quotes = new QuoteAttributor(article).Attribute(statements);
        quotes.AddRange(new IndirectStatements(article).Find());
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        quotes = SpeakerEvidence.Apply(article.Entities, quotes);
        foreach (Quote quote in quotes)
        {
            if (quote.Kind == QuoteKind.Direct && quote.Speaker is null)
            {
                checks.Add(new Check("quote-no-speaker", "No speaker found for this quotation.", quote.Start, quote.End));
            }
        }

        RunTogetherCheck.Run(text, checks);
        mask.Verbatim.Sort((a, b) => a.Start.CompareTo(b.Start));
        SpacingCheck.Run(original, mask.Verbatim, checks);
        ParagraphChecks.Run(text, paragraphs, checks);
        SentenceChecks.FindRepeats(text, sentences, checks);
        SentenceChecks.FindTitleCase(article, checks);
        checks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Rule, b.Rule));

        return new Analysis
        {
            Text = original,
            Paragraphs = paragraphs,
            Sentences = sentences,
            Quotes = quotes,
            Entities = article.Entities.ToEntities(quotes),
            Figures = new FigureScanner(article).Scan(),
            Checks = checks,
        };
    }
}