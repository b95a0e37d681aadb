using System.Globalization;
using System.Net;
using Herald.Media;

namespace Herald.WordPress.Import;

/// <summary>How `--fetch-media` downloads: in parallel up to a bound, each request timed, each answer size-capped.</summary>
public sealed record MediaFetchOptions
{
    public int Concurrency { get; init; } = 4;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries per address: a timeout, a dropped connection or a 5xx is tried again, a 404 is not.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>The wait before the second try; it doubles for each try after.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The same limit as an upload: a file Herald would refuse from an editor is not downloaded whole either.</summary>
    public long MaxBytes { get; init; } = ImageIntake.MaxUploadBytes;
}

/// <summary>What one download gave: the bytes, or why there are none.</summary>
public sealed record FetchOutcome(byte[]? Bytes, string? Failure)
{
    public static FetchOutcome Failed(string reason) => new(null, reason);
}

/// <summary>
/// Downloads attachment files from their old addresses for the import. Only http and https are
/// asked for; an answer larger than an upload may be is cut off as soon as it is known to be, so a
/// huge or endless file costs at most the limit. Whether the bytes are a picture is decided by
/// <see cref="ImageIntake"/>, as for an upload, never by the answer's Content-Type.
/// </summary>
public sealed class MediaFetcher : IDisposable
{
    private readonly HttpClient client;

    public MediaFetcher(MediaFetchOptions options)
    {
        Options = options;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            MaxConnectionsPerServer = options.Concurrency,
        })
        {
            // Each request carries its own timeout (below), so that a retry gets a full one again.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Herald-Import/1.0");
    }

    public MediaFetchOptions Options { get; }

    public async Task<FetchOutcome> FetchAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            return FetchOutcome.Failed("not an http(s) address");
        }
        var reason = "";
        for (var attempt = 1; attempt <= Options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Options.Backoff * Math.Pow(2, attempt - 2), ct);
            }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(Options.Timeout);
            try
            {
                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timer.Token);
                var status = (int)response.StatusCode;
                if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                {
                    reason = $"HTTP {status}";
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return FetchOutcome.Failed($"HTTP {status}");
                }
                if (response.Content.Headers.ContentLength is { } length && length > Options.MaxBytes)
                {
                    return FetchOutcome.Failed(TooLarge(length));
                }
                await using var body = await response.Content.ReadAsStreamAsync(timer.Token);
                return await ReadCappedAsync(body, timer.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                reason = $"timed out after {Options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
            }
            catch (HttpRequestException e)
            {
                reason = $"could not connect ({e.HttpRequestError})";
            }
            catch (IOException)
            {
                reason = "the connection broke off";
            }
        }
        return FetchOutcome.Failed(Options.Attempts > 1 ? $"{reason}, {Options.Attempts} tries" : reason);
    }

    private async Task<FetchOutcome> ReadCappedAsync(Stream body, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > Options.MaxBytes)
            {
                return FetchOutcome.Failed(TooLarge(null));
            }
            copy.Write(buffer, 0, read);
        }
        return new FetchOutcome(copy.ToArray(), null);
    }

    private string TooLarge(long? length) => string.Create(CultureInfo.InvariantCulture,
        $"too large ({(length is { } l ? $"{l / (1024.0 * 1024):0.#} MB" : "more than the limit")}; a picture may be at most {Options.MaxBytes / (1024 * 1024)} MB)");

    public void Dispose() => client.Dispose();
}