namespace Herald.Comments;

/// <summary>What the "Leave a Reply" form posts. Field names are the form's, prefixed "Form.".</summary>
public sealed class CommentForm
{
    public int ArticleId { get; set; }
    public int? ParentId { get; set; }
    public string? Body { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    /// <summary>The consent box: remember name, e-mail and website in this browser.</summary>
    public bool Remember { get; set; }

    /// <summary>Signed time the form was served (<see cref="FormStamps"/>).</summary>
    public string? Started { get; set; }

    /// <summary>Cookie-bound token filled in by script; optional when the browser proves the origin itself.</summary>
    public string? Token { get; set; }

    /// <summary>The honeypot: hidden from people, tempting to robots. Anything in it marks the post as spam.</summary>
    public string? Homepage { get; set; }
}

/// <summary>Field-by-field problems with a post, in words for the person who typed it.</summary>
public sealed class FormProblems
{
    private readonly Dictionary<string, string> byField = new(StringComparer.Ordinal);

    public int StatusCode { get; private set; } = StatusCodes.Status400BadRequest;
    public bool Any => byField.Count > 0;
    public IReadOnlyDictionary<string, string> ByField => byField;

    public string? For(string field) => byField.GetValueOrDefault(field);

    /// <summary>Records the first problem of a field; a later one about the same field would only repeat it.</summary>
    public FormProblems Add(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
    {
        if (byField.TryAdd(field, message) && byField.Count == 1)
        {
            StatusCode = statusCode;
        }
        return this;
    }
}

public static class CommentFields
{
    public const string Body = nameof(CommentForm.Body);
    public const string Name = nameof(CommentForm.Name);
    public const string Email = nameof(CommentForm.Email);
    public const string Website = nameof(CommentForm.Website);
    public const string Parent = nameof(CommentForm.ParentId);

    /// <summary>Problems with the form as a whole: a closed article, an expired form, a duplicate.</summary>
    public const string Form = "Form";
}