using System.Text;
using System.Web;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Comments;

/// <summary>
/// A comment form larger than <see cref="CommentLimits.RequestBytes"/>. The framework's form
/// reader would stop at the limit with nothing read, and the page would then complain of an
/// empty comment and a missing article. Instead the post is read here up to
/// <see cref="CommentLimits.ReadBytes"/>, each field decoded, the comment cut to the longest a
/// comment may be, and the fields handed to model binding as the form: the reader gets a 413
/// saying what is wrong, with what fits of their words still in the box.
/// </summary>
public static class OversizedCommentForm
{
    private const string BodyField = "Form." + nameof(CommentForm.Body);

    /// <summary>What was posted before it was cut: the comment's length in characters, and whether reading stopped early.</summary>
    public sealed record Overflow(int BodyLength, bool ReadAll);

    public static bool Applies(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        && request.ContentLength is null or > CommentLimits.RequestBytes;

    /// <summary>Reads the post, installs what fits as the request's form, and says whether it was too large.</summary>
    public static async Task<Overflow?> ReadAsync(HttpContext context, int maxBodyLength, CancellationToken ct)
    {
        var (bytes, readAll) = await ReadCappedAsync(context.Request.Body, CommentLimits.ReadBytes, ct);
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
        var bodyLength = 0;
        foreach (var pair in Split(bytes))
        {
            var equals = pair.IndexOf((byte)'=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (key.Length > 64 || fields.Count >= 32 || fields.ContainsKey(key))
            {
                continue;
            }
            if (key.Equals(BodyField, StringComparison.OrdinalIgnoreCase))
            {
                bodyLength = value.Length;
                value = value.Length > maxBodyLength ? value[..maxBodyLength] : value;
            }
            else if (value.Length > CommentLimits.Url)
            {
                value = value[..CommentLimits.Url];
            }
            fields[key] = value;
        }
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        return bytes.Length > CommentLimits.RequestBytes || !readAll ? new Overflow(bodyLength, readAll) : null;
    }

    private static async Task<(byte[] Bytes, bool ReadAll)> ReadCappedAsync(Stream body, int cap, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            while (buffer.Length < cap)
            {
                var read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, cap - buffer.Length)), ct);
                if (read == 0)
                {
                    return (buffer.ToArray(), true);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // The server's own ceiling on a request body: keep what arrived.
        }
        return (buffer.ToArray(), false);
    }

    private static IEnumerable<byte[]> Split(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'&')
            {
                if (i > start)
                {
                    yield return bytes[start..i];
                }
                start = i + 1;
            }
        }
    }

    /// <summary>Percent-decoding and "+" as a space, as a browser encodes a form; bad UTF-8 becomes U+FFFD.</summary>
    private static string Decode(byte[] encoded) => HttpUtility.UrlDecode(encoded, Encoding.UTF8) ?? "";
}