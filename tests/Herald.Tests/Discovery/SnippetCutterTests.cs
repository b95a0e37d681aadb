using Herald.Discovery.Search;

namespace Herald.Tests.Discovery;

public sealed class SnippetCutterTests
{
    private static string Marked(string word) => Snippets.MarkStart + word + Snippets.MarkEnd;

    [Fact]
    public void The_run_with_the_most_different_matches_wins_and_opens_a_few_words_before_them()
    {
        var filler = string.Join(' ', Enumerable.Range(1, 40).Select(i => "w" + i));
        var body = $"Ferry talk at dawn. {filler} The ferry and the tide came in together. {filler}";

        var snippet = SnippetCutter.Cut(body, w => w is "ferry" or "tide");

        Assert.StartsWith("… w38 w39 w40 The " + Marked("ferry") + " and the " + Marked("tide"), snippet);
        Assert.EndsWith(" …", snippet);
        Assert.Equal(SnippetCutter.Words, SnippetCutter.WordsOf(snippet.Replace(Snippets.MarkStart, "").Replace(Snippets.MarkEnd, "")).Count());
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_opening_words()
    {
        Assert.Equal("Short story, no match here", SnippetCutter.Cut("Short story, no match here.", _ => false));
        Assert.Equal("", SnippetCutter.Cut("  -- ** --  ", _ => true));
    }

    [Fact]
    public void Tags_of_an_imported_story_are_not_words_and_never_reach_the_snippet()
    {
        var snippet = SnippetCutter.Cut("<p class=\"lead\">The <a href=\"https://example.org/ferry\">ferry</a> left.</p>", w => w == "ferry");

        Assert.DoesNotContain("<", snippet);
        Assert.DoesNotContain("href", snippet);
        Assert.Contains(Marked("ferry"), snippet);
        Assert.Equal(["The", "ferry", "left"], SnippetCutter.WordsOf("<p>The <b>ferry</b> left.</p>"));
    }

    [Fact]
    public void An_accent_written_as_its_own_mark_stays_in_its_word()
    {
        var decomposed = "Cafe\u0301 opens";

        Assert.Equal(["Cafe\u0301", "opens"], SnippetCutter.WordsOf(decomposed));
        Assert.Contains(Marked("Cafe\u0301"), SnippetCutter.Cut(decomposed, w => w.StartsWith("Caf", StringComparison.Ordinal)));
    }
}