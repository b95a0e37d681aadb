using System.Globalization;
using Herald.Articles;
using Herald.Articles.Writing;
using Herald.Site;

namespace Herald.Newsroom.Publishing;

/// <summary>
/// draft → submitted → scheduled or published → unpublished, and what each step requires.
/// Pure rules on the article; permission is checked before, saving happens after.
/// </summary>
public static class Workflow
{
    public static IReadOnlyList<string> Apply(Article article, EditorAction action, string? scheduleAt, TimeZoneInfo zone, DateTime now)
    {
        var problems = new List<string>();
        switch (action)
        {
            case EditorAction.Submit when article.Status is ArticleStatus.Published or ArticleStatus.Scheduled:
                problems.Add("This article is already published or scheduled; unpublish it first to send it back for review.");
                break;
            case EditorAction.Submit:
                article.Status = ArticleStatus.Submitted;
                break;
            case EditorAction.Publish:
                problems.AddRange(ReadyToPublish(article));
                if (problems.Count == 0)
                {
                    // A story put back after unpublishing keeps its first date (and URL); anything else is new now.
                    if (article.PublishedAt is not { } first || first > now || article.Status == ArticleStatus.Scheduled)
                    {
                        article.PublishedAt = now;
                    }
                    article.Status = ArticleStatus.Published;
                }
                break;
            case EditorAction.Schedule:
                problems.AddRange(ReadyToPublish(article));
                if (ParseScheduleTime(scheduleAt, zone, now, problems) is { } at && problems.Count == 0)
                {
                    article.PublishedAt = at;
                    article.Status = ArticleStatus.Scheduled;
                }
                break;
            case EditorAction.Unpublish when article.Status == ArticleStatus.Scheduled:
                article.Status = ArticleStatus.Draft;
                article.PublishedAt = null;
                break;
            case EditorAction.Unpublish when article.Status == ArticleStatus.Published:
                article.Status = ArticleStatus.Unpublished;
                break;
            case EditorAction.Unpublish:
                problems.Add("This article is not published, so there is nothing to unpublish.");
                break;
        }
        return problems;
    }

    public static IEnumerable<string> ReadyToPublish(Article article)
    {
        if (string.IsNullOrWhiteSpace(article.Headline))
        {
            yield return "Write a headline before publishing.";
        }
        if (string.IsNullOrWhiteSpace(article.BodySource))
        {
            yield return "Write the story before publishing: the body is empty.";
        }
        if (article.FeaturedImage is { } image && string.IsNullOrWhiteSpace(image.Alt))
        {
            yield return "The featured image has no alt text. Describe what it shows for readers who cannot see it, then publish.";
        }
    }

    /// <summary>A datetime-local value read as the site's wall-clock time, turned into UTC.</summary>
    public static DateTime? ParseScheduleTime(string? value, TimeZoneInfo zone, DateTime now, List<string> problems)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"Choose the date and time to publish at ({zone.Id} time).");
            return null;
        }
        if (!DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problems.Add("The publication time could not be read; use the date and time picker.");
            return null;
        }
        if (zone.IsInvalidTime(local))
        {
            problems.Add($"{value} does not exist in {zone.Id}: the clocks skip it. Choose another time.");
            return null;
        }
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        if (utc <= now)
        {
            problems.Add($"{Display.DateAndTime(utc, zone)} has already passed. Choose a later time, or publish now.");
            return null;
        }
        return utc;
    }

    /// <summary>What a step from one status to another is to readers (<see cref="ArticleEdit.KindOf"/>).</summary>
    public static ArticleChangeKind ChangeKind(ArticleStatus before, ArticleStatus after) => ArticleEdit.KindOf(before, after);

    public static string Describe(EditorAction action, Article article, TimeZoneInfo zone) => action switch
    {
        EditorAction.Submit => "Submitted for review",
        EditorAction.Publish => "Published",
        EditorAction.Schedule => $"Scheduled for {Display.DateAndTime(article.PublishedAt!.Value, zone)}",
        EditorAction.Unpublish => "Unpublished",
        _ => "Saved",
    };

    public static string Label(ArticleStatus status) => status switch
    {
        ArticleStatus.Submitted => "Submitted for review",
        _ => status.ToString(),
    };
}