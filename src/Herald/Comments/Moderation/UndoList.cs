using System.Globalization;

namespace Herald.Comments.Moderation;

/// <summary>
/// What the queue's Undo button posts back: each comment's id, status and spam lesson before the
/// step, as "id.status.lesson" joined by commas. It travels in the page (an editor may set these
/// states directly anyway), so it is parsed strictly and bounded like any other input.
/// </summary>
public static class UndoList
{
    public static string Format(IEnumerable<ModerationBefore> before) => string.Join(',', before.Select(b =>
        string.Create(CultureInfo.InvariantCulture, $"{b.Id}.{(int)b.Status}.{(int)b.TrainedAs}")));

    public static bool TryParse(string? text, out List<ModerationBefore> before)
    {
        before = [];
        if (string.IsNullOrEmpty(text) || text.Length > CommentModerator.MaxBatch * 24)
        {
            return false;
        }
        foreach (var item in text.Split(','))
        {
            if (item.Split('.') is not [var id, var status, var lesson]
                || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedId)
                || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedStatus)
                || !int.TryParse(lesson, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedLesson)
                || !Enum.IsDefined((ModerationStatus)parsedStatus) || !Enum.IsDefined((TrainedAs)parsedLesson))
            {
                return false;
            }
            before.Add(new ModerationBefore(parsedId, (ModerationStatus)parsedStatus, (TrainedAs)parsedLesson));
        }
        return before.Count <= CommentModerator.MaxBatch;
    }
}