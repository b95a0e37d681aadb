using Herald.WordPress.Import;

namespace Herald.Tests.WordPress.Import;

/// <summary>The downloader of --fetch-media against a real host on 127.0.0.1: what it asks for, what it keeps, when it gives up.</summary>
public sealed class MediaFetcherTests : IAsyncLifetime
{
    private static readonly MediaFetchOptions Quick = new() { Timeout = TimeSpan.FromMilliseconds(500), Backoff = TimeSpan.FromMilliseconds(10), MaxBytes = 256 * 1024 };

    private UploadsServer host = null!;

    public async Task InitializeAsync() => host = await UploadsServer.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_picture_comes_back_byte_for_byte()
    {
        var bytes = host.AddPicture("/a.png", 40, 30);
        using var fetcher = new MediaFetcher(Quick);

        var outcome = await fetcher.FetchAsync(host.Origin + "/a.png", CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(bytes, outcome.Bytes);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/wp-content/uploads/a.png")]
    public async Task Only_absolute_http_and_https_addresses_are_asked_for(string address)
    {
        using var fetcher = new MediaFetcher(Quick);

        var outcome = await fetcher.FetchAsync(address, CancellationToken.None);

        Assert.Null(outcome.Bytes);
        Assert.Equal("not an http(s) address", outcome.Failure);
    }

    [Fact]
    public async Task A_404_is_not_tried_again_and_a_503_is()
    {
        host.AddPicture("/flaky.png", 10, 10);
        host.FailOnce("/flaky.png");
        using var fetcher = new MediaFetcher(Quick);

        Assert.Equal("HTTP 404", (await fetcher.FetchAsync(host.Origin + "/missing.png", CancellationToken.None)).Failure);
        Assert.NotNull((await fetcher.FetchAsync(host.Origin + "/flaky.png", CancellationToken.None)).Bytes);

        Assert.Equal(1, host.RequestsFor("/missing.png"));
        Assert.Equal(2, host.RequestsFor("/flaky.png"));
    }

    [Fact]
    public async Task A_host_that_does_not_answer_in_time_is_given_up_after_the_tries()
    {
        using var fetcher = new MediaFetcher(Quick);

        var outcome = await fetcher.FetchAsync(host.Origin + "/slow/a.png", CancellationToken.None);

        Assert.Equal("timed out after 0.5 s, 3 tries", outcome.Failure);
        Assert.Equal(3, host.RequestsFor("/slow/a.png"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_cut_off_whether_or_not_it_says_its_size()
    {
        using var fetcher = new MediaFetcher(Quick with { Timeout = TimeSpan.FromSeconds(20) });

        var declared = await fetcher.FetchAsync(host.Origin + "/huge/a.jpg", CancellationToken.None);
        var endless = await fetcher.FetchAsync(host.Origin + "/endless/a.jpg", CancellationToken.None);

        Assert.StartsWith("too large (20.1 MB;", declared.Failure);
        Assert.Equal("too large (more than the limit; a picture may be at most 0 MB)", endless.Failure);
        Assert.Null(endless.Bytes);
    }
}