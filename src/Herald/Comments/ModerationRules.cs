using System.Globalization;

namespace Herald.Comments;

/// <summary>The facts about a new comment that its first status is decided from.</summary>
public sealed record CommentFacts(
    string Body,
    string Name,
    string? Website,
    bool HoneypotFilled,
    bool HasEarlierApprovedComment,
    bool ByStaff,
    SpamVerdict Verdict);

public sealed record ModerationDecision(ModerationStatus Status, string Reason);

/// <summary>
/// WordPress's defaults, in the order that makes the strongest signal win: robots and blocked
/// words go to spam, then anything suspicious is held for a person, and only a commenter with
/// an approved comment already is published at once.
/// </summary>
public static class ModerationRules
{
    public static ModerationDecision Decide(CommentFacts facts, CommentOptions options)
    {
        if (facts.HoneypotFilled)
        {
            return new(ModerationStatus.Spam, "honeypot");
        }
        if (facts.ByStaff)
        {
            return new(ModerationStatus.Approved, "staff");
        }
        var searchable = $"{facts.Name}\n{facts.Website}\n{facts.Body}";
        if (FirstListed(options.BlockWords, searchable) is { } blocked)
        {
            return new(ModerationStatus.Spam, $"block list: {blocked}");
        }
        var trusted = facts.Verdict.ExamplesOfRarerKind >= options.ClassifierMinimumExamples;
        var score = facts.Verdict.Probability.ToString("0.00", CultureInfo.InvariantCulture);
        if (trusted && facts.Verdict.Probability >= options.SpamThreshold)
        {
            return new(ModerationStatus.Spam, $"classifier {score}");
        }
        if (FirstListed(options.ModerationWords, searchable) is { } held)
        {
            return new(ModerationStatus.Pending, $"moderation list: {held}");
        }
        var links = CommentText.CountLinks(facts.Body);
        if (links > options.MaxLinksBeforeHold)
        {
            return new(ModerationStatus.Pending, $"{links} links");
        }
        if (trusted && facts.Verdict.Probability >= options.HoldThreshold)
        {
            return new(ModerationStatus.Pending, $"classifier {score}");
        }
        if (options.HoldFirstComment && !facts.HasEarlierApprovedComment)
        {
            return new(ModerationStatus.Pending, "first comment");
        }
        return new(ModerationStatus.Approved, "earlier comment approved");
    }

    /// <summary>The first listed word or phrase found in the text, ignoring case; words match whole.</summary>
    internal static string? FirstListed(IEnumerable<string> list, string text)
    {
        foreach (var entry in list.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            var at = 0;
            while ((at = text.IndexOf(entry, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = at + entry.Length;
                var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (startsWord && endsWord)
                {
                    return entry;
                }
                at = end;
            }
        }
        return null;
    }
}