using Herald.Media;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Site;

/// <summary>
/// Herald's own page for every 4xx and 5xx: says what happened in plain words and where to
/// go next. Re-executed by the status-code and exception middleware; never shows internals.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorPageModel(ILogger<ErrorPageModel> log) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    // No parameter binding here: binding reads the form, and a re-executed POST may carry a
    // body too large to read (the very reason for a 413).
    public IActionResult OnPost() =>
        Show(int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 500);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        // Reached directly (not re-executed), the page still answers with the code it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = Code;
        }
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            if (failure.Error is BadHttpRequestException refused)
            {
                // Kestrel refusing a request (a body over the size limit) is the sender's problem, not ours.
                Code = refused.StatusCode;
                Response.StatusCode = Code;
            }
            else
            {
                log.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
            }
        }
        (Heading, Explanation) = Code switch
        {
            400 => ("That request could not be understood", "The address or the form contained something Herald cannot read — a bad page number, a broken character or a value out of range. Check the address and try again."),
            403 => ("You cannot do that", "Your account does not have permission for this page or action. Ask an editor or administrator if you think it should."),
            404 => ("Page not found", "There is no page at this address. It may have been moved or unpublished, or the address may be mistyped."),
            410 => ("This story has been removed", "The newsroom has taken the story that was at this address off the site. If it comes back, it will be here again."),
            405 => ("That method is not allowed here", "This address cannot be used that way."),
            413 => ("That was too large", $"What you sent is larger than Herald accepts. Images may be at most {ImageIntake.MaxUploadBytes / (1024 * 1024)} MB; make the picture smaller and upload it again."),
            414 => ("That address is too long", "The address is longer than any page on this site. Check the link you followed."),
            431 => ("Your browser sent too much with this request", "The request carried more than Herald reads — usually too many or too large cookies for this site. Clear this site's cookies in your browser and try again."),
            429 => ("Too many requests", "You have sent many requests in a short time. Please wait a minute and try again."),
            _ when Code >= 500 => ("Something went wrong on our side", "Herald could not show this page. The problem has been logged; please try again in a moment."),
            _ => ("That request could not be completed", "Please check the address and try again."),
        };
        return Page();
    }
}