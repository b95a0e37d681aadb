using System.Security.Claims;
using Herald.Accounts;
using Herald.Media;
using Herald.Newsroom;
using Herald.Newsroom.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Herald.WordPress.RestApi;

/// <summary>
/// POST /wp/v2/media: a picture sent as the raw body, its name in Content-Disposition, as
/// WordPress clients upload. It goes through the newsroom's media library, so Herald's image
/// intake checks it (type, size, pixels, frames) and makes its renditions exactly as for an upload
/// in the newsroom. alt_text and caption may come as query parameters.
/// </summary>
public static class WpMediaWrites
{
    public static async Task<WpWriteResult> UploadAsync(WpContext context, ClaimsPrincipal user)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        // As in WordPress, contributors write but do not upload.
        if (!user.IsInRole(Roles.Author) && !user.IsInRole(Roles.Editor) && !user.IsInRole(Roles.Administrator))
        {
            throw new WpRestError("rest_cannot_create", "Sorry, you are not allowed to upload media as this user.", StatusCodes.Status403Forbidden);
        }
        var alt = context.Parameters.Text("alt_text");
        var caption = context.Parameters.Text("caption");
        context.Parameters.ThrowIfInvalid();
        if (http.Request.HasFormContentType)
        {
            return await UploadFormAsync(context, user, alt, caption);
        }
        if (!ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition.ToString(), out var disposition)
            || (disposition.FileNameStar.Value ?? disposition.FileName.Value) is not { Length: > 0 } quoted)
        {
            throw new WpRestError("rest_upload_no_content_disposition",
                "No Content-Disposition supplied: send the file's name as Content-Disposition: attachment; filename=\"photo.jpg\".", StatusCodes.Status400BadRequest);
        }
        var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(quoted).ToString());
        if (http.Request.ContentLength > ImageIntake.MaxUploadBytes)
        {
            throw TooLarge(http.Request.ContentLength.Value);
        }
        var bytes = await ReadBoundedAsync(http);
        if (bytes.Length == 0)
        {
            throw new WpRestError("rest_upload_no_data", "No data supplied: the body is empty.", StatusCodes.Status400BadRequest);
        }

        using var stream = new MemoryStream(bytes, writable: false);
        return await StoreAsync(context, user, new FormFile(stream, 0, bytes.Length, "file", fileName), alt, caption);
    }

    /// <summary>The other way WordPress takes a file: multipart/form-data with a "file" part (and alt_text, caption as fields).</summary>
    private static async Task<WpWriteResult> UploadFormAsync(WpContext context, ClaimsPrincipal user, string? alt, string? caption)
    {
        var form = await context.Http.Request.ReadFormAsync(context.Http.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new WpRestError("rest_upload_no_data", "No data supplied: the form has no file part.", StatusCodes.Status400BadRequest);
        alt ??= Field(form, "alt_text");
        caption ??= Field(form, "caption");
        return await StoreAsync(context, user, file, alt, caption);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 1000 } text ? text : null;

    private static async Task<WpWriteResult> StoreAsync(WpContext context, ClaimsPrincipal user, IFormFile file, string? alt, string? caption)
    {
        var http = context.Http;
        var ct = http.RequestAborted;
        var by = await StaffMember.ResolveAsync(context.Db, user, ct);
        MediaItem item;
        try
        {
            item = await http.RequestServices.GetRequiredService<MediaLibrary>().UploadAsync(file, new UploadText(alt, caption, null), by, ct);
        }
        catch (MediaRejectedException rejected)
        {
            throw new WpRestError(rejected.StatusCode == StatusCodes.Status413PayloadTooLarge ? "rest_upload_file_too_big" : "rest_upload_invalid",
                rejected.Message, rejected.StatusCode);
        }
        var row = await WpMedia.Rows(context.Db, context.Db.MediaItems.Where(m => m.Id == item.Id)).FirstAsync(ct);
        return new WpWriteResult(StatusCodes.Status201Created, WpMedia.ToJson(row, context), context.Route($"media/{item.Id}"));
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ImageIntake.MaxUploadBytes)
            {
                throw TooLarge(buffer.Length + read);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static WpRestError TooLarge(long bytes) => new("rest_upload_file_too_big",
        $"The file is {bytes / (1024.0 * 1024):0.0} MB; images may be at most {ImageIntake.MaxUploadBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
}