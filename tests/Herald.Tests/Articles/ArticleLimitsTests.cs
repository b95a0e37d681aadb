using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Newsroom.Editor;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Articles;

/// <summary>
/// <see cref="ArticleLimits"/> is the one place article limits live: the columns follow it, the
/// editor form's messages name it, and the pipeline refuses what breaks it.
/// </summary>
public sealed class ArticleLimitsTests
{
    [Fact]
    public void The_article_columns_are_as_wide_as_the_limits()
    {
        using var db = new ServiceCollection().AddLogging()
            .AddHeraldStorage(DatabaseConnection.Parse("Data Source=limits-model.db"), DatabaseWorkload.Bulk)
            .BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<HeraldDbContext>();
        var article = db.Model.FindEntityType(typeof(Article))!;
        Assert.Equal(ArticleLimits.Slug, article.FindProperty(nameof(Article.Slug))!.GetMaxLength());
        Assert.Equal(ArticleLimits.Headline, article.FindProperty(nameof(Article.Headline))!.GetMaxLength());
        Assert.Equal(ArticleLimits.Dek, article.FindProperty(nameof(Article.Dek))!.GetMaxLength());
        Assert.Equal(ArticleLimits.Excerpt, article.FindProperty(nameof(Article.Excerpt))!.GetMaxLength());
        var image = db.Model.FindEntityType(typeof(FeaturedImage))!;
        Assert.Equal(ArticleLimits.ImageAlt, image.FindProperty(nameof(FeaturedImage.Alt))!.GetMaxLength());
        Assert.Equal(ArticleLimits.ImageCaption, image.FindProperty(nameof(FeaturedImage.Caption))!.GetMaxLength());
        Assert.Equal(ArticleLimits.ImageCredit, image.FindProperty(nameof(FeaturedImage.Credit))!.GetMaxLength());
    }

    [Fact]
    public void Every_editor_form_limit_message_names_its_limit()
    {
        // The schedule time is a date, not text: its length is the form's own guard.
        foreach (var property in typeof(ArticleForm).GetProperties().Where(p => p.Name != nameof(ArticleForm.ScheduleAt)))
        {
            if (property.GetCustomAttribute<StringLengthAttribute>() is { } length)
            {
                var number = length.MaximumLength.ToString("N0", CultureInfo.InvariantCulture);
                Assert.True(length.ErrorMessage!.Contains(number, StringComparison.Ordinal), $"{property.Name}: \"{length.ErrorMessage}\" does not say {number}");
            }
        }
    }

    [Fact]
    public void The_pipeline_refuses_what_no_stored_article_may_be()
    {
        var article = new Article { Slug = "fine-slug", Headline = new string('h', ArticleLimits.Headline), Excerpt = new string('e', ArticleLimits.Excerpt) };
        Assert.Empty(ArticleValidator.Problems(article));

        article.Headline += "h";
        article.Slug = "Not A Slug";
        article.FeaturedImage = new FeaturedImage { Url = "/media/x.jpg", Alt = new string('a', ArticleLimits.ImageAlt + 1) };
        var problems = ArticleValidator.Problems(article);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("A headline has at most", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The slug \"Not A Slug\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alt text has at most", StringComparison.Ordinal));
    }
}