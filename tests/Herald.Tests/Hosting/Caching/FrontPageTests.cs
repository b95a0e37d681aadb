using System.Net;
using Herald.Accounts;
using Herald.Hosting;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace Herald.Tests.Hosting.Caching;

/// <summary>
/// A page the output cache stored is answered by its front copy (<see cref="FrontPages"/>) before
/// routing: with the stored bytes, the security headers, ETag, Vary and Content-Encoding, 304 for
/// its ETag, HEAD like GET. Signed-in staff, unlocking readers and requests with a query string
/// neither get nor fill a front copy, and every eviction of the store reaches it.
/// </summary>
public sealed class FrontPageTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string Slug = "kestrel-maritime-anders-falk-steps-down";

    private HeraldTestServer Server => fixture.RequireServer();

    private FrontPages Front => Server.Services.GetRequiredService<FrontPages>();

    [SkippableTheory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task A_stored_page_is_answered_from_its_front_copy_with_the_headers_it_was_stored_with(string encoding)
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync(Slug);
        var miss = await StoreAsync(client, url, encoding);
        Assert.True(Front.TryGet(KeyOf(url, encoding), DateTimeOffset.UtcNow, out var page), "the stored page has a front copy");

        using var hit = await SendAsync(client, HttpMethod.Get, url, encoding);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.NotNull(hit.Headers.Age);
        Assert.Equal(page.Body, await hit.Content.ReadAsByteArrayAsync());
        Assert.Equal(page.Body.Length, hit.Content.Headers.ContentLength);
        Assert.Equal(miss.ETag, hit.Headers.ETag);
        Assert.Equal(encoding == "identity" ? [] : [encoding], hit.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], hit.Headers.Vary);
        Assert.Equal("text/html; charset=utf-8", hit.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", Single(hit, "X-Content-Type-Options"));
        Assert.Equal("SAMEORIGIN", Single(hit, "X-Frame-Options"));
        Assert.StartsWith("default-src 'self'", Single(hit, "Content-Security-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", Single(hit, "Referrer-Policy"));
        Assert.Contains("rel=\"https://api.w.org/\"", Single(hit, "Link"));
        Assert.False(hit.Headers.Contains("Set-Cookie"));

        using var head = await SendAsync(client, HttpMethod.Head, url, encoding);
        Assert.Equal(hit.Headers.ETag, head.Headers.ETag);
        Assert.Equal(page.Body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var conditional = await SendAsync(client, HttpMethod.Get, url, encoding, hit.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(hit.Headers.ETag, conditional.Headers.ETag);
        Assert.Equal("nosniff", Single(conditional, "X-Content-Type-Options"));
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());

        using var conditionalHead = await SendAsync(client, HttpMethod.Head, url, encoding, hit.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, conditionalHead.StatusCode);
    }

    [SkippableFact]
    public async Task A_signed_in_editor_neither_gets_nor_fills_a_front_copy()
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync(Slug);
        await StoreAsync(client, url, "identity");
        using var editor = await NewsroomSession.SignInAsync(Server, "front-editor@example.org", Roles.Editor);

        using (var signedIn = await editor.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Null(signedIn.Headers.Age);
        }

        await Server.Services.GetRequiredService<CacheEvictor>().EvictAsync([CacheTags.Site], CancellationToken.None);
        Assert.Equal(0, Front.Count);
        for (var i = 0; i < 2; i++)
        {
            using var signedIn = await editor.Client.GetAsync(url);
            Assert.Null(signedIn.Headers.Age);
        }
        Assert.Equal(0, Front.Count);
        using var anonymous = await SendAsync(client, HttpMethod.Get, url, "identity");
        Assert.Null(anonymous.Headers.Age);
    }

    [SkippableFact]
    public async Task A_reader_with_an_unlock_cookie_and_a_request_with_a_query_string_go_past_the_front_copies()
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync(Slug);
        await StoreAsync(client, url, "identity");

        var unlocking = new HttpRequestMessage(HttpMethod.Get, url);
        unlocking.Headers.Add("Cookie", Herald.Articles.Protection.PostPasswords.CookiePrefix + "1=anything");
        using (var unlocked = await client.SendAsync(unlocking))
        {
            Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
            Assert.Null(unlocked.Headers.Age);
        }

        var countBefore = Front.Count;
        await Server.Services.GetRequiredService<CacheEvictor>().EvictAsync([CacheTags.Site], CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            (await SendAsync(client, HttpMethod.Get, url + "?utm_source=feed", "identity")).Dispose();
        }
        Assert.True(countBefore > 0);
        Assert.Equal(0, Front.Count);
    }

    [SkippableFact]
    public async Task Evicting_the_store_directly_evicts_the_front_copies_with_the_tag()
    {
        using var client = Server.CreateClient(decompress: false);
        var url = await Server.UrlOfAsync(Slug);
        await StoreAsync(client, url, "gzip");
        await StoreAsync(client, "/category/politics", "gzip");

        await Server.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.Category("politics"), CancellationToken.None);
        Assert.False(Front.TryGet(KeyOf("/category/politics", "gzip"), DateTimeOffset.UtcNow, out _));
        using var fresh = await SendAsync(client, HttpMethod.Get, "/category/politics", "gzip");
        Assert.Null(fresh.Headers.Age);
    }

    [Fact]
    public void A_render_that_saw_an_eviction_keeps_no_front_copy()
    {
        var front = new FrontPages(TimeProvider.System, 64L * 1024 * 1024);
        var seen = front.Generation;
        front.Evict(CacheTags.Article(1));
        Assert.False(front.TryAdd(Key("/a"), seen, Page(["article:1"], 10)));
        Assert.True(front.TryAdd(Key("/a"), front.Generation, Page(["article:1"], 10)));
    }

    [Fact]
    public void An_eviction_takes_the_pages_with_its_tag_and_the_site_tag_takes_all()
    {
        var front = new FrontPages(TimeProvider.System, 64L * 1024 * 1024);
        Assert.True(front.TryAdd(Key("/a"), front.Generation, Page(["site", "article:1"], 10)));
        Assert.True(front.TryAdd(Key("/b"), front.Generation, Page(["site", "article:2"], 10)));
        Assert.True(front.TryAdd(Key("/c"), front.Generation, Page(["site", "home"], 10)));

        front.Evict(CacheTags.Article(1));
        Assert.False(front.TryGet(Key("/a"), DateTimeOffset.UtcNow, out _));
        Assert.True(front.TryGet(Key("/b"), DateTimeOffset.UtcNow, out _));

        front.Evict(CacheTags.Site);
        Assert.Equal(0, front.Count);
    }

    [Fact]
    public void An_expired_copy_is_not_served_and_the_byte_limit_is_kept()
    {
        var front = new FrontPages(TimeProvider.System, 64L * 1024 * 1024);
        Assert.True(front.TryAdd(Key("/old"), front.Generation, Page(["site"], 10, validFor: TimeSpan.FromSeconds(-1))));
        Assert.False(front.TryGet(Key("/old"), DateTimeOffset.UtcNow, out _));

        var half = (int)(front.MaxBytes / 2) + 1;
        Assert.True(front.TryAdd(Key("/big"), front.Generation, Page(["site"], half)));
        Assert.False(front.TryAdd(Key("/bigger"), front.Generation, Page(["site"], half)));
        Assert.True(front.TryAdd(Key("/big"), front.Generation, Page(["site"], half)), "replacing a copy frees its room first");
    }

    [Fact]
    public void Front_copies_are_used_only_with_the_output_cache_in_this_process()
    {
        var options = new ServeOptions { Database = Herald.Storage.DatabaseConnection.Parse("Data Source=unused.db"), OutputCache = true };
        Assert.True(HeraldServer.UsesFrontPages(options));
        Assert.False(HeraldServer.UsesFrontPages(options with { OutputCache = false }));
        Assert.False(HeraldServer.UsesFrontPages(options with { Redis = "127.0.0.1:6379" }));
    }

    /// <summary>Sends the page until the output cache (and so the front) holds it; returns the stored answer's headers.</summary>
    private async Task<System.Net.Http.Headers.HttpResponseHeaders> StoreAsync(HttpClient client, string url, string encoding)
    {
        // Right after another test's write, a page is served but not stored until the journal is followed past it.
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var response = await SendAsync(client, HttpMethod.Get, url, encoding);
            if (Front.TryGet(KeyOf(url, encoding), DateTimeOffset.UtcNow, out _))
            {
                return response.Headers;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{url} ({encoding}) was never kept as a front copy");
        return null!;
    }

    private FrontKey KeyOf(string url, string encoding) => new("http", Server.Address.Authority, "", url, encoding);

    private static FrontKey Key(string path) => new("http", "localhost", "", path, "identity");

    private static FrontPage Page(string[] tags, int bytes, TimeSpan? validFor = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new FrontPage(new byte[bytes], [], [], "\"e\"", new HashSet<string>(tags), now, now + (validFor ?? TimeSpan.FromMinutes(1)), lastModified: null);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string acceptEncoding, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return client.SendAsync(request);
    }
}