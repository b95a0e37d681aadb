using Herald.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Editor;

/// <summary>
/// The editor's live preview: the body rendered and sanitized by the very renderer that makes
/// the public page's HTML, so what the writer sees is what the reader will get.
/// </summary>
public sealed class PreviewModel(MarkdownRenderer markdown) : PageModel
{
    public IActionResult OnPost([FromForm(Name = "Form.Body")] string? body)
    {
        if (body is { Length: > ArticleForm.MaxBodyLength })
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        return Content(markdown.ToHtml(body ?? ""), "text/html; charset=utf-8");
    }
}