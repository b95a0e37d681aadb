namespace Herald.Hosting;

/// <summary>
/// Removes encoded NUL characters (<c>%00</c>) from url-encoded form posts before the framework
/// reads them. ASP.NET Core's form reader refuses a whole form holding one, so a single NUL pasted
/// with a comment or a story would throw away every field the person typed and answer a bare 400.
/// No keyboard types a NUL and no Herald field may store one, so it is dropped and the rest of the
/// form is read as sent. Bodies over <see cref="MaxBytes"/> are left to the framework untouched.
/// </summary>
public sealed class FormNulStripper(RequestDelegate next)
{
    /// <summary>The largest form a Herald page takes: a story at its length limit, every character encoded.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // An error page drawn again for this request finds the body already read and cleaned.
        if (context.Items.TryAdd(typeof(FormNulStripper), true)
            && HttpMethods.IsPost(request.Method)
            && request.ContentLength is > 0 and <= MaxBytes
            && request.ContentType is { } type
            && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var body = new byte[request.ContentLength.Value];
            var length = await ReadAsync(request.Body, body, context.RequestAborted);
            var kept = Strip(body.AsSpan(0, length));
            request.Body = new MemoryStream(body, 0, kept, writable: false);
            request.ContentLength = kept;
        }
        await next(context);
    }

    private static async Task<int> ReadAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }
        return total;
    }

    /// <summary>
    /// Removes every <c>%00</c> (and any raw NUL byte) in place and says how many bytes remain.
    /// Text that reads "%00" arrives encoded as "%2500" and stays.
    /// </summary>
    public static int Strip(Span<byte> form)
    {
        var kept = 0;
        for (var i = 0; i < form.Length; i++)
        {
            if (form[i] == 0)
            {
                continue;
            }
            if (form[i] == (byte)'%' && i + 2 < form.Length && form[i + 1] == (byte)'0' && form[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }
            form[kept++] = form[i];
        }
        return kept;
    }
}