using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Herald.Articles.Figures;

/// <summary>The lines of a <c>::: figure</c> block, kept raw until rendering reads them as a <see cref="Figure"/>.</summary>
public sealed class FigureBlock(BlockParser parser) : LeafBlock(parser)
{
}

/// <summary>Opens on a <c>::: figure</c> line and takes every line up to the closing <c>:::</c>, like a code fence.</summary>
public sealed class FigureBlockParser : BlockParser
{
    public FigureBlockParser() => OpeningCharacters = [':'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent || !Figure.IsOpening(processor.Line.AsSpan()))
        {
            return BlockState.None;
        }
        processor.NewBlocks.Push(new FigureBlock(this)
        {
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
            ProcessInlines = false,
        });
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        block.UpdateSpanEnd(processor.Line.End);
        return Figure.IsClosing(processor.Line.AsSpan()) ? BlockState.BreakDiscard : BlockState.Continue;
    }
}

/// <summary>
/// Writes <c>&lt;figure&gt;&lt;img alt&gt;&lt;figcaption&gt;caption &lt;span class="credit"&gt;credit&lt;/span&gt;&lt;/figcaption&gt;&lt;/figure&gt;</c>.
/// The page's sanitizer runs over the result like over every other part of the body. In plain text
/// (excerpts, word counts, analysis) a figure says nothing: its words are about the picture, not the story.
/// </summary>
public sealed class FigureHtmlRenderer : HtmlObjectRenderer<FigureBlock>
{
    // Captions and credits are one line: inline Markdown only (emphasis, links, code).
    private static readonly MarkdownPipeline InlinePipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UseAutoLinks().Build();

    protected override void Write(HtmlRenderer renderer, FigureBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString());
        if (!renderer.EnableHtmlForBlock)
        {
            return;
        }
        if (Figure.Parse(lines) is not { } figure)
        {
            // No picture in it: show what was typed rather than swallow it.
            renderer.Write("<p>");
            renderer.WriteEscape(string.Join(' ', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString().Trim())));
            renderer.WriteLine("</p>");
            return;
        }
        renderer.Write("<figure>").Write("<img src=\"").WriteEscapeUrl(figure.Url).Write("\" alt=\"").WriteEscape(figure.Alt).Write("\">");
        if (figure.Caption is not null || figure.Credit is not null)
        {
            renderer.Write("<figcaption>");
            if (figure.Caption is { } caption)
            {
                renderer.Write(Inline(caption));
            }
            if (figure.Credit is { } credit)
            {
                renderer.Write(figure.Caption is null ? "" : " ").Write("<span class=\"credit\">").Write(Inline(credit)).Write("</span>");
            }
            renderer.Write("</figcaption>");
        }
        renderer.WriteLine("</figure>");
    }

    private static string Inline(string markdown)
    {
        var html = Markdown.ToHtml(markdown, InlinePipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : System.Net.WebUtility.HtmlEncode(markdown);
    }
}

/// <summary>Adds <c>::: figure</c> blocks to a Markdig pipeline.</summary>
public sealed class FigureExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<FigureBlockParser>())
        {
            // Before paragraphs, so that a figure right under a line of text still opens.
            pipeline.BlockParsers.Insert(0, new FigureBlockParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<FigureHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new FigureHtmlRenderer());
        }
    }
}