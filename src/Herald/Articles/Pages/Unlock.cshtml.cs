using Herald.Articles.Protection;
using Herald.Comments;
using Herald.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Herald.Articles.Pages;

/// <summary>
/// Receives a protected story's password form. The right password gives the reader the story's
/// cookie and sends them back to it; a wrong one shows the form again with a message (403). Limited
/// like the comment form, per client network, so passwords cannot be tried by the thousand.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CommentServices.PostingPolicy)]
[RequestFormLimits(ValueLengthLimit = 4096, ValueCountLimit = 8, KeyLengthLimit = 64)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class UnlockModel(ArticleQueries articles, SiteState site, PostPasswords passwords) : PageModel
{
    public Article Article { get; private set; } = null!;
    public PasswordFormView Form { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public IActionResult OnGet(int year, int month, string slug) => Redirect($"{ArticleUrls.Month(year, month)}/{Uri.EscapeDataString(slug)}");

    public async Task<IActionResult> OnPostAsync(int year, int month, string slug, [FromForm] string? password, CancellationToken ct)
    {
        if (slug.Length > ArticleLimits.Slug)
        {
            return NotFound();
        }
        Zone = (await site.GetAsync(ct)).Settings.TimeZone;
        var found = await articles.FindPublishedBySlugAsync(slug, ct);
        if (found is null)
        {
            return NotFound();
        }
        Article = found;
        var storyPath = ArticleUrls.For(found.PublishedAt!.Value, found.Slug, Zone);
        if (!PostPasswords.IsProtected(found))
        {
            return Redirect(storyPath);
        }
        if (string.IsNullOrEmpty(password))
        {
            return Show(storyPath, StatusCodes.Status400BadRequest, "Enter the story's password.");
        }
        if (password.Length > ArticleLimits.Password)
        {
            return Show(storyPath, StatusCodes.Status400BadRequest, $"A story's password has at most {ArticleLimits.Password} characters; check what you typed.");
        }
        if (!PostPasswords.Matches(found, password))
        {
            return Show(storyPath, StatusCodes.Status403Forbidden, "That is not the password of this story. Check it and try again.");
        }
        passwords.Unlock(HttpContext, found);
        // The browser follows with a GET, so a reload does not post the password again.
        return Redirect(storyPath);
    }

    private PageResult Show(string storyPath, int status, string problem)
    {
        Form = new PasswordFormView(storyPath, problem);
        Response.StatusCode = status;
        return Page();
    }
}