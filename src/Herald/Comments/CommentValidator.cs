using System.Net.Mail;

namespace Herald.Comments;

/// <summary>
/// Checks what a person typed, field by field, before anything touches the database. Every
/// limit has a message that says what to change; the values themselves are never altered
/// here, so the form can be shown again exactly as it was sent.
/// </summary>
public static class CommentValidator
{
    public static FormProblems Check(CommentForm form, CommentOptions options)
    {
        var problems = new FormProblems();
        var body = CommentText.Normalize(form.Body ?? "");
        if (body.Length == 0)
        {
            problems.Add(CommentFields.Body, "Write a comment before posting.");
        }
        else if (body.Length > options.MaxBodyLength)
        {
            problems.Add(CommentFields.Body, $"A comment has at most {options.MaxBodyLength:N0} characters; this one has {body.Length:N0}. Shorten it and post again.");
        }
        else if (HasControlCharacters(body, allowLineBreaks: true))
        {
            problems.Add(CommentFields.Body, "The comment contains invisible control characters. Remove them (retyping the text usually does) and post again.");
        }

        var name = (form.Name ?? "").Trim();
        if (name.Length == 0)
        {
            problems.Add(CommentFields.Name, "Enter your name.");
        }
        else if (name.Length > CommentLimits.Name)
        {
            problems.Add(CommentFields.Name, $"A name has at most {CommentLimits.Name} characters.");
        }
        else if (HasControlCharacters(name, allowLineBreaks: false))
        {
            problems.Add(CommentFields.Name, "A name cannot contain line breaks or control characters.");
        }

        var email = (form.Email ?? "").Trim();
        if (email.Length == 0)
        {
            problems.Add(CommentFields.Email, "Enter your e-mail address. It will not be published.");
        }
        else if (email.Length > CommentLimits.Email)
        {
            problems.Add(CommentFields.Email, $"An e-mail address has at most {CommentLimits.Email} characters.");
        }
        else if (!IsEmailAddress(email))
        {
            problems.Add(CommentFields.Email, "Enter an e-mail address like name@example.org.");
        }

        var website = (form.Website ?? "").Trim();
        if (website.Length > CommentLimits.Url)
        {
            problems.Add(CommentFields.Website, $"A website address has at most {CommentLimits.Url} characters.");
        }
        else if (website.Length > 0 && WebsiteUrl(website) is null)
        {
            problems.Add(CommentFields.Website, "Enter a website address starting with http:// or https://, or leave the field empty.");
        }
        return problems;
    }

    /// <summary>The website as a link target, or null when it is not an http(s) address. "example.org" means https://example.org/.</summary>
    public static string? WebsiteUrl(string website)
    {
        var candidate = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.') && uri.UserInfo.Length == 0
            && !HasControlCharacters(website, allowLineBreaks: false)
            ? uri.AbsoluteUri
            : null;
    }

    public static bool IsEmailAddress(string email) =>
        !HasControlCharacters(email, allowLineBreaks: false)
        && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.DisplayName.Length == 0
        && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');

    private static bool HasControlCharacters(string text, bool allowLineBreaks) =>
        text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\t'));
}