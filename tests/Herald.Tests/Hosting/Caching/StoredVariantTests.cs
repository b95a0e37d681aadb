using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Herald.Hosting;
using Herald.Hosting.Invalidation;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Hosting.Caching;

/// <summary>
/// A cached page is stored once per encoding (Brotli, gzip, none), already compressed: a hit sends
/// those stored bytes with their own strong ETag, answers If-None-Match per encoding, says
/// <c>Vary: Accept-Encoding</c>, gives HEAD the headers of GET, and a write evicts every copy.
/// </summary>
public sealed class StoredVariantTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly string[] Encodings = ["br", "gzip", ""];

    private HeraldTestServer Server => fixture.RequireServer();

    [SkippableFact]
    public async Task Each_encoding_is_stored_once_and_a_hit_sends_its_stored_bytes_with_its_own_etag()
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        await WaitUntilStorableAsync(client, url);
        var pages = new Dictionary<string, string>();
        var etags = new HashSet<string>();
        foreach (var encoding in Encodings)
        {
            using var miss = await SendAsync(client, HttpMethod.Get, url, encoding);
            using var hit = await SendAsync(client, HttpMethod.Get, url, encoding);

            Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
            Assert.True(hit.Headers.Age is not null, $"the second '{encoding}' request is answered from the output cache");
            Assert.Equal(encoding == "" ? [] : [encoding], hit.Content.Headers.ContentEncoding);
            Assert.Equal(["Accept-Encoding"], hit.Headers.Vary);
            Assert.Equal(miss.Headers.ETag, hit.Headers.ETag);
            Assert.False(hit.Headers.ETag!.IsWeak);
            var bytes = await hit.Content.ReadAsByteArrayAsync();
            Assert.Equal(await miss.Content.ReadAsByteArrayAsync(), bytes);
            // A length known before the body is sent: the stored bytes went out as they are, not through a compressor.
            Assert.Equal(bytes.Length, hit.Content.Headers.ContentLength);
            pages[encoding] = Decode(bytes, encoding);
            etags.Add(hit.Headers.ETag.Tag);
        }
        Assert.Equal(3, etags.Count);
        // Each copy is its own render (the comment form carries the time it was drawn), of the same article.
        Assert.All(pages.Values, page => Assert.Contains("Anders Falk", page));
    }

    [SkippableFact]
    public async Task If_none_match_answers_304_per_encoding_and_another_encodings_etag_does_not_match()
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        var etags = new Dictionary<string, EntityTagHeaderValue>();
        foreach (var encoding in Encodings)
        {
            using var first = await SendAsync(client, HttpMethod.Get, url, encoding);
            etags[encoding] = first.Headers.ETag!;
        }
        foreach (var encoding in Encodings)
        {
            foreach (var (other, etag) in etags)
            {
                // Twice: the first may render the page, the second is answered by the cache.
                for (var round = 0; round < 2; round++)
                {
                    using var conditional = await SendAsync(client, HttpMethod.Get, url, encoding, etag);
                    Assert.Equal(other == encoding ? HttpStatusCode.NotModified : HttpStatusCode.OK, conditional.StatusCode);
                    if (other == encoding)
                    {
                        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
                        Assert.Equal(etag, conditional.Headers.ETag);
                    }
                }
            }
        }
    }

    [SkippableTheory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("")]
    public async Task Head_gives_the_etag_and_headers_of_get(string encoding)
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync("kestrel-maritime-anders-falk-steps-down");
        await WaitUntilStorableAsync(client, url);
        await Server.Services.GetRequiredService<CacheEvictor>().EvictAsync([CacheTags.Site], CancellationToken.None);
        // HEAD first and last: whichever of the two fills the cache, the other agrees. The article
        // page holds a per-render value, so two separate renders would not share an ETag.
        using var headFirst = await SendAsync(client, HttpMethod.Head, url, encoding);
        using var get = await SendAsync(client, HttpMethod.Get, url, encoding);
        using var headAgain = await SendAsync(client, HttpMethod.Head, url, encoding);
        Assert.True(get.Headers.Age is not null, "the GET is answered from the copy the HEAD stored");

        foreach (var head in new[] { headFirst, headAgain })
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Headers.Vary, head.Headers.Vary);
            Assert.Equal(get.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        using var conditionalHead = await SendAsync(client, HttpMethod.Head, url, encoding, get.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, conditionalHead.StatusCode);
    }

    [SkippableFact]
    public async Task Spellings_of_one_encoding_share_one_stored_copy()
    {
        using var client = Server.CreateClient(decompress: false);
        using var first = await SendAsync(client, HttpMethod.Get, "/category/politics", "gzip, deflate");
        foreach (var spelling in new[] { "deflate, gzip;q=0.9", "GZIP", "gzip;q=1.0, br;q=0.5", "identity;q=0.5, gzip" })
        {
            using var again = await SendAsync(client, HttpMethod.Get, "/category/politics", spelling);
            Assert.True(again.Headers.Age is not null, $"'{spelling}' is served the stored gzip copy");
            Assert.Equal(["gzip"], again.Content.Headers.ContentEncoding);
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        }
    }

    [SkippableFact]
    public async Task An_edit_evicts_the_brotli_gzip_and_plain_copies()
    {
        await AssertAnEditEvictsEveryCopyAsync(Server, "kestrel-maritime-anders-falk-steps-down");
    }

    [SkippableFact]
    public async Task With_redis_as_the_shared_store_an_edit_evicts_every_copy()
    {
        using var redis = await RedisServer.StartAsync();
        using var folder = new TempFolder("herald-variants-redis");
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        try
        {
            await using var server = await HeraldTestServer.StartDemoCopyAsync(database, adjust: o => o with { Redis = redis.Configuration });
            await AssertAnEditEvictsEveryCopyAsync(server, "kestrel-maritime-anders-falk-steps-down");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.5", "br")]
    [InlineData("br;q=0, gzip;q=0", "identity")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.2, gzip;q=0.8", "gzip")]
    [InlineData("identity", "identity")]
    [InlineData("deflate, zstd", "identity")]
    [InlineData("", "identity")]
    [InlineData("BR ; Q=1", "br")]
    [InlineData("gzip;q=nonsense", "identity")]
    [InlineData(",,;;=,gzip", "gzip")]
    public void Accept_encoding_comes_down_to_one_of_three(string header, string expected) =>
        Assert.Equal(expected, PageEncoding.Of(header));

    [Fact]
    public void Only_the_start_of_an_overlong_header_is_read()
    {
        var header = string.Join(", ", Enumerable.Repeat("deflate", 200)) + ", br";
        Assert.Equal("identity", PageEncoding.Of(header));
        Assert.Equal("gzip", PageEncoding.Of(new Microsoft.Extensions.Primitives.StringValues(["gzip", header])));
    }

    private static async Task AssertAnEditEvictsEveryCopyAsync(HeraldTestServer server, string slug)
    {
        using var client = server.CreateClient(decompress: false);
        var url = await server.UrlOfAsync(slug);
        await WaitUntilStorableAsync(client, url);
        foreach (var encoding in Encodings)
        {
            (await SendAsync(client, HttpMethod.Get, url, encoding)).Dispose();
            using var hit = await SendAsync(client, HttpMethod.Get, url, encoding);
            Assert.True(hit.Headers.Age is not null, $"the '{encoding}' copy is stored before the edit");
        }

        const string edited = "Headline changed through the newsroom writer";
        int id;
        string original;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            (id, original) = (article.Id, article.Headline);
            article.Headline = edited;
            await scope.ServiceProvider.GetRequiredService<SiteWriter>().SaveChangesAsync([CacheTags.Article(id)], CancellationToken.None);
        }
        try
        {
            foreach (var encoding in Encodings)
            {
                using var fresh = await SendAsync(client, HttpMethod.Get, url, encoding);
                Assert.True(fresh.Headers.Age is null, $"the '{encoding}' copy was evicted");
                Assert.Contains(edited, Decode(await fresh.Content.ReadAsByteArrayAsync(), encoding));
            }
        }
        finally
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Headline = original;
            await scope.ServiceProvider.GetRequiredService<SiteWriter>().SaveChangesAsync([CacheTags.Article(id)], CancellationToken.None);
        }
    }

    /// <summary>
    /// Right after a write, a page that shows it is served but not stored until this node has
    /// followed the journal past the write (<see cref="FreshPageStore"/>); waits that out.
    /// </summary>
    private static async Task WaitUntilStorableAsync(HttpClient client, string url)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            (await client.GetAsync(url)).Dispose();
            using var again = await client.GetAsync(url);
            if (again.Headers.Age is not null)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{url} was never stored in the output cache");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string acceptEncoding,
        EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (acceptEncoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return client.SendAsync(request);
    }

    private static string Decode(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(decoded);
        return reader.ReadToEnd();
    }
}