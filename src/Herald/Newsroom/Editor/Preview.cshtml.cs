using Herald.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Editor;

/// <summary>
/// The editor's live preview: the body rendered and sanitized by the very renderer that makes
/// the public page's HTML, so what the writer sees is what the reader will get.
/// </summary>
public sealed class PreviewModel(ArticleBody articleBody) : PageModel
{
    public IActionResult OnPost([FromForm(Name = "Form.Body")] string? body, [FromForm(Name = "Form.BodyFormat")] string? format)
    {
        if (body is { Length: > ArticleLimits.TypedBody })
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var bodyFormat = BodyFormat.Markdown;
        if (!string.IsNullOrEmpty(format) && !(Enum.TryParse(format, ignoreCase: false, out bodyFormat) && Enum.IsDefined(bodyFormat)))
        {
            return BadRequest("The body format must be Markdown or Html.");
        }
        var rendered = articleBody.Render(body ?? "", bodyFormat);
        // The editor shows these beside the preview; the same numbers the page was written with.
        var length = BodyLength.Of(rendered);
        Response.Headers[BodyLength.WordsHeader] = length.WordsText;
        Response.Headers[BodyLength.ReadingTimeHeader] = length.ReadingTimeText;
        if (rendered.Problem is { } problem)
        {
            // The editor's script shows this text in place of the preview; the words stay in the form.
            return new ContentResult { StatusCode = StatusCodes.Status422UnprocessableEntity, Content = problem, ContentType = "text/plain; charset=utf-8" };
        }
        return Content(rendered.Html, "text/html; charset=utf-8");
    }
}