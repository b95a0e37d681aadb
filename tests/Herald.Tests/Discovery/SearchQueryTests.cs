using Herald.Discovery.Search;

namespace Herald.Tests.Discovery;

/// <summary>
/// What a reader types, reduced to plain words and phrases before any engine sees it. The
/// engines' answers are in SearchTests; here only the parsing rules.
/// </summary>
public sealed class SearchQueryTests
{
    private static string Words(SearchQuery query) => string.Join(' ', query.Words);

    private static string Phrases(SearchQuery query) => string.Join(" | ", query.Phrases.Select(p => string.Join(' ', p)));

    [Fact]
    public void Words_are_lower_cased_without_accents_and_repeats()
    {
        var query = SearchQuery.Parse("Café  MALMÖ café Zoë");

        Assert.Equal("cafe malmo zoe", Words(query));
        Assert.Empty(query.Phrases);
    }

    [Theory]
    [InlineData("C# AND (NEAR(x, y)) -ferry OR harbour*", "c and near x y ferry or harbour")]
    [InlineData("title:ferry ^2 {x} [y] ~z", "title ferry 2 x y z")]
    [InlineData("'; DROP TABLE articles; --", "drop table articles")]
    public void Operators_of_either_engine_are_only_separators(string text, string words) =>
        Assert.Equal(words, Words(SearchQuery.Parse(text)));

    [Theory]
    [InlineData("\"harbour ferry\" strike", "harbour ferry", "strike")]
    [InlineData("“harbour ferry” strike", "harbour ferry", "strike")]
    [InlineData("„harbour ferry“ strike", "harbour ferry", "strike")]
    [InlineData("strike \"harbour ferry\" \"night bus\"", "harbour ferry | night bus", "strike")]
    public void Quoted_words_are_a_phrase_whatever_the_quote_marks(string text, string phrases, string words)
    {
        var query = SearchQuery.Parse(text);

        Assert.Equal(phrases, Phrases(query));
        Assert.Equal(words, Words(query));
    }

    [Fact]
    public void A_quoted_single_word_is_just_a_word() =>
        Assert.Equal(("ferry", ""), (Words(SearchQuery.Parse("\"ferry\"")), Phrases(SearchQuery.Parse("\"ferry\""))));

    [Fact]
    public void An_unbalanced_quote_makes_the_rest_a_phrase_and_loses_nothing()
    {
        var query = SearchQuery.Parse("strike \"harbour ferry");

        Assert.Equal("strike", Words(query));
        Assert.Equal("harbour ferry", Phrases(query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" ++ -- ** ()")]
    [InlineData("\u0301\u0301")]
    public void Text_without_letters_or_digits_is_an_empty_query(string? text) =>
        Assert.True(SearchQuery.Parse(text).IsEmpty);

    [Fact]
    public void A_long_query_keeps_only_its_first_words()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"));

        var query = SearchQuery.Parse(text);

        Assert.Equal(SearchQuery.MaxTokens, query.Words.Count);
        Assert.Equal("w1", query.Words[0]);
        Assert.Equal($"w{SearchQuery.MaxTokens}", query.Words[^1]);
    }

    [Fact]
    public void Phrases_count_towards_the_word_budget()
    {
        var phrase = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"p{i}"));
        var loose = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"w{i}"));

        var query = SearchQuery.Parse($"\"{phrase}\" {loose}");

        Assert.Equal(10, query.Phrases[0].Count);
        Assert.Equal(SearchQuery.MaxTokens - 10, query.Words.Count);
    }

    [Fact]
    public void A_very_long_word_is_cut_rather_than_sent_whole()
    {
        var word = SearchQuery.Tokenize(new string('x', 5000)).Single();

        Assert.InRange(word.Length, 1, 60);
    }

    [Theory]
    [InlineData("Ольга Коваленко", "ольга коваленко")]
    [InlineData("İstanbul Łódź", "istanbul łodz")]
    [InlineData("2026 budget", "2026 budget")]
    public void Letters_of_any_script_and_digits_make_words(string text, string words) =>
        Assert.Equal(words, Words(SearchQuery.Parse(text)));
}