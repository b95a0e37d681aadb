using Herald.Comments;

namespace Herald.Tests.Comments;

/// <summary>Field-by-field checks of the reply form, without a server: each limit and its message.</summary>
public sealed class CommentValidatorTests
{
    private static CommentForm Valid() => new()
    {
        ArticleId = 1,
        Body = "A fair report, thank you.",
        Name = "Ines Reader",
        Email = "ines@example.org",
        Website = "",
    };

    private static FormProblems Check(Action<CommentForm> change, CommentOptions? options = null)
    {
        var form = Valid();
        change(form);
        return CommentValidator.Check(form, options ?? new CommentOptions());
    }

    [Fact]
    public void A_complete_form_has_no_problems() => Assert.False(Check(_ => { }).Any);

    [Theory]
    [InlineData(null, "Write a comment")]
    [InlineData(" \r\n\t ", "Write a comment")]
    [InlineData("Hello\u0007there", "control characters")]
    [InlineData("Hello\u001B[2Jthere", "control characters")]
    public void The_body_must_hold_visible_text(string? body, string problem) =>
        Assert.Contains(problem, Check(f => f.Body = body).For(CommentFields.Body));

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_the_body() =>
        Assert.Null(Check(f => f.Body = "First line\r\nsecond\tline\n\nA paragraph.").For(CommentFields.Body));

    [Fact]
    public void The_body_limit_is_the_sites_setting_counted_after_trimming()
    {
        var options = new CommentOptions { MaxBodyLength = 20 };

        Assert.Null(Check(f => f.Body = "  " + new string('a', 20) + "\n\n", options).For(CommentFields.Body));
        var problem = Check(f => f.Body = new string('a', 21), options).For(CommentFields.Body);
        Assert.Equal("A comment has at most 20 characters; this one has 21. Shorten it and post again.", problem);
    }

    [Theory]
    [InlineData("", "Enter your name.")]
    [InlineData("   ", "Enter your name.")]
    [InlineData("Ines\nReader", "line breaks")]
    public void The_name_is_one_line_of_text(string name, string problem) =>
        Assert.Contains(problem, Check(f => f.Name = name).For(CommentFields.Name));

    [Fact]
    public void The_name_limit_is_the_columns()
    {
        Assert.Null(Check(f => f.Name = new string('n', CommentLimits.Name)).For(CommentFields.Name));
        Assert.NotNull(Check(f => f.Name = new string('n', CommentLimits.Name + 1)).For(CommentFields.Name));
    }

    [Theory]
    [InlineData("ines@example.org")]
    [InlineData("  ines.reader+news@mail.example.co.uk  ")]
    public void Ordinary_addresses_are_accepted(string email) =>
        Assert.Null(Check(f => f.Email = email).For(CommentFields.Email));

    [Theory]
    [InlineData("", "Enter your e-mail address")]
    [InlineData("ines", "like name@example.org")]
    [InlineData("ines@localhost", "like name@example.org")]
    [InlineData("ines@example.org.", "like name@example.org")]
    [InlineData("Ines <ines@example.org>", "like name@example.org")]
    [InlineData("<ines@example.org>", "like name@example.org")]
    [InlineData("ines @example.org", "like name@example.org")]
    [InlineData("a@example.org,b@example.org", "like name@example.org")]
    public void Addresses_that_cannot_be_written_to_are_refused(string email, string problem) =>
        Assert.Contains(problem, Check(f => f.Email = email).For(CommentFields.Email));

    [Fact]
    public void An_overlong_address_is_refused_by_length_first() =>
        Assert.Contains("at most 254", Check(f => f.Email = new string('a', 250) + "@example.org").For(CommentFields.Email));

    [Theory]
    [InlineData("example.org", "https://example.org/")]
    [InlineData("http://ines.example.org/blog", "http://ines.example.org/blog")]
    [InlineData("https://example.org/a?b=c", "https://example.org/a?b=c")]
    public void A_website_becomes_an_http_link(string website, string link) =>
        Assert.Equal(link, CommentValidator.WebsiteUrl(website));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("https://user:secret@example.org")]
    [InlineData("localhost")]
    [InlineData("https://example.org/\u0000")]
    public void Other_website_addresses_are_refused(string website)
    {
        Assert.Null(CommentValidator.WebsiteUrl(website));
        Assert.Contains("http:// or https://", Check(f => f.Website = website).For(CommentFields.Website));
    }

    [Fact]
    public void Every_field_in_trouble_is_named_at_once_and_nothing_is_changed()
    {
        var form = new CommentForm { Body = "", Name = "", Email = "nope", Website = "javascript:x" };

        var problems = CommentValidator.Check(form, new CommentOptions());

        Assert.Equal([CommentFields.Body, CommentFields.Email, CommentFields.Name, CommentFields.Website], problems.ByField.Keys.Order());
        Assert.Equal("nope", form.Email);
        Assert.Equal("javascript:x", form.Website);
        Assert.Equal(400, problems.StatusCode);
    }
}