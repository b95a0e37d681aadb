using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Herald.Hosting;

/// <summary>
/// Ready answers for cached pages, in this process's memory: when the output cache stores a page
/// for a plain request (see <see cref="FrontPageMiddleware"/>), the exact bytes and headers sent
/// are kept here as well, so a later hit is answered near the start of the pipeline, before
/// routing, authentication and the output cache's own look-up, which cost a hit most of its time
/// (bench/RESULTS.md). A copy is kept only when the store really took the page, for as long as
/// the store keeps it, and it leaves with every eviction that reaches the store, tag by tag
/// (<see cref="Invalidation.FreshPageStore"/> passes each one on). Used only when the output cache
/// lives in this process's memory: a shared Redis store tells every node of another node's write
/// at once, which a copy in one node's memory could not.
/// </summary>
/// <param name="maxBytes">Pages beyond this many bytes in all are left to the output cache alone (see <see cref="ServeOptions.FrontPageBytes"/>).</param>
public sealed class FrontPages(TimeProvider clock, long maxBytes)
{
    public long MaxBytes { get; } = maxBytes;

    private static readonly AsyncLocal<FrontFill?> Pending = new();

    private readonly ConcurrentDictionary<FrontKey, FrontPage> pages = new();
    private readonly Lock gate = new();
    private long generation;
    private long bytes;

    /// <summary>Grows with every eviction: a render that saw it change keeps no copy.</summary>
    public long Generation => Volatile.Read(ref generation);

    public int Count => pages.Count;

    public bool TryGet(in FrontKey key, DateTimeOffset now, out FrontPage page)
    {
        if (!pages.TryGetValue(key, out page!))
        {
            return false;
        }
        if (page.ExpiresAt > now)
        {
            return true;
        }
        lock (gate)
        {
            if (pages.TryRemove(new KeyValuePair<FrontKey, FrontPage>(key, page)))
            {
                bytes -= page.Body.Length;
            }
        }
        return false;
    }

    /// <summary>Keeps the page unless an eviction came after <paramref name="seenGeneration"/> or room has run out.</summary>
    public bool TryAdd(in FrontKey key, long seenGeneration, FrontPage page)
    {
        lock (gate)
        {
            if (generation != seenGeneration)
            {
                return false;
            }
            var replaced = pages.TryGetValue(key, out var old) ? old.Body.Length : 0;
            if (bytes - replaced + page.Body.Length > MaxBytes)
            {
                RemoveExpired(page.StoredAt);
                replaced = pages.TryGetValue(key, out old) ? old.Body.Length : 0;
                if (bytes - replaced + page.Body.Length > MaxBytes)
                {
                    return false;
                }
            }
            pages[key] = page;
            bytes += page.Body.Length - replaced;
            return true;
        }
    }

    /// <summary>Drops every page carrying the tag (every page for <see cref="CacheTags.Site"/>).</summary>
    public void Evict(string tag)
    {
        lock (gate)
        {
            generation++;
            if (tag == CacheTags.Site)
            {
                pages.Clear();
                bytes = 0;
                return;
            }
            foreach (var (key, page) in pages)
            {
                if (page.Tags.Contains(tag) && pages.TryRemove(key, out _))
                {
                    bytes -= page.Body.Length;
                }
            }
        }
    }

    /// <summary>Starts watching the current request for the output cache storing its page.</summary>
    internal FrontFill Expect()
    {
        var fill = new FrontFill(Generation);
        Pending.Value = fill;
        return fill;
    }

    internal static void StopExpecting() => Pending.Value = null;

    /// <summary>The fill the current request expects, if any.</summary>
    internal static FrontFill? Expected => Pending.Value;

    /// <summary>Called by the store once it really took the current request's page.</summary>
    internal static void NoteStored(string[]? tags, TimeSpan validFor)
    {
        if (Pending.Value is { } fill)
        {
            fill.Tags = tags ?? [];
            fill.ValidFor = validFor;
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, page) in pages)
        {
            if (page.ExpiresAt <= now && pages.TryRemove(key, out _))
            {
                bytes -= page.Body.Length;
            }
        }
    }

    internal DateTimeOffset Now => clock.GetUtcNow();
}

/// <summary>What a front copy is found by: the parts of the output cache's own key a plain request has.</summary>
public readonly record struct FrontKey(string Scheme, string Host, string PathBase, string Path, string Encoding);

/// <summary>One ready answer: the body as sent, and its headers for a 200 and for a 304.</summary>
public sealed class FrontPage(
    byte[] body, KeyValuePair<string, StringValues>[] headers, KeyValuePair<string, StringValues>[] notModifiedHeaders,
    string etag, IReadOnlyCollection<string> tags, DateTimeOffset storedAt, DateTimeOffset expiresAt, DateTimeOffset? lastModified)
{
    /// <summary>The page's Last-Modified, or when it was stored: what If-Modified-Since is compared with, as the output cache does.</summary>
    public DateTimeOffset LastModified { get; } = lastModified ?? storedAt;

    public byte[] Body { get; } = body;
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
    public KeyValuePair<string, StringValues>[] NotModifiedHeaders { get; } = notModifiedHeaders;
    public string ETag { get; } = etag;
    public IReadOnlyCollection<string> Tags { get; } = tags;
    public DateTimeOffset StoredAt { get; } = storedAt;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;
}

/// <summary>What one request learns on its way through: whether the store took its page, with which tags and for how long, and the bytes sent.</summary>
internal sealed class FrontFill(long generation)
{
    public long Generation { get; } = generation;
    public string[]? Tags { get; set; }
    public TimeSpan ValidFor { get; set; }
    public byte[]? Body { get; set; }
}