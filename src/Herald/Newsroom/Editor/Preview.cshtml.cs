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
        return Content(articleBody.ToHtml(body ?? "", bodyFormat), "text/html; charset=utf-8");
    }
}