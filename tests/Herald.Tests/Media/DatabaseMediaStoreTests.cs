using System.Net;
using System.Net.Http.Headers;
using Herald.Accounts;
using Herald.Media;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Media;

/// <summary>
/// The database media store on SQLite and PostgreSQL: files go in and come out over HTTP with the
/// caching, validation and range answers the folder store gives (the same server, asked the same
/// questions, is the reference), and an upload's picture and renditions land in the database.
/// </summary>
public sealed class DatabaseMediaStoreTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_file_is_answered_from_the_database_as_the_folder_store_answers_it(string provider)
    {
        using var folder = new TempFolder("herald-media");
        var content = RandomBytes(300_000, seed: 1);
        await using var fromFolder = await StartAsync(Sqlite(folder, "folder.db"), MediaStoreKind.Folder, Path.Combine(folder.Path, "media"));
        await using var fromDatabase = await StartAsync(await DatabaseAsync(provider, folder), MediaStoreKind.Database, Path.Combine(folder.Path, "unused"));
        const string path = "2026/12/harbour-0a1b2c3d.png";
        foreach (var server in new[] { fromFolder, fromDatabase })
        {
            Assert.Equal($"/media/{path}", await server.Services.GetRequiredService<IMediaStore>().SaveAsync(path, new MemoryStream(content), CancellationToken.None));
        }
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "unused", "2026")), "the database store wrote into a folder");

        var folderAnswers = await AskAsync(fromFolder, $"/media/{path}", content);
        var databaseAnswers = await AskAsync(fromDatabase, $"/media/{path}", content);
        Assert.Equal(folderAnswers, databaseAnswers);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_range_deep_inside_a_large_file_comes_back_exact_and_a_saved_again_path_is_replaced(string provider)
    {
        using var folder = new TempFolder("herald-media");
        await using var server = await StartAsync(await DatabaseAsync(provider, folder), MediaStoreKind.Database, Path.Combine(folder.Path, "media"));
        var store = server.Services.GetRequiredService<IMediaStore>();
        var large = RandomBytes(6 * 1024 * 1024, seed: 2);
        await store.SaveAsync("big/scan.jpg", new MemoryStream(large), CancellationToken.None);
        using var client = server.CreateClient();

        using var whole = await client.GetAsync("/media/big/scan.jpg");
        Assert.Equal(large, await whole.Content.ReadAsByteArrayAsync());
        var firstTag = whole.Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/big/scan.jpg");
        request.Headers.Range = new RangeHeaderValue(5_000_000, 5_000_099);
        using var range = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(large[5_000_000..5_000_100], await range.Content.ReadAsByteArrayAsync());

        var replacement = RandomBytes(1000, seed: 3);
        await store.SaveAsync("big/scan.jpg", new NonSeekable(replacement), CancellationToken.None);
        using var again = await client.GetAsync("/media/big/scan.jpg");
        Assert.Equal(replacement, await again.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(firstTag, again.Headers.ETag!.Tag);
        Assert.True(store.Exists("big/scan.jpg"));
        Assert.False(store.Exists("big/other.jpg"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("../escape.jpg", new MemoryStream([1]), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/big/other.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/big")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_upload_keeps_its_picture_and_renditions_in_the_database(string provider)
    {
        using var folder = new TempFolder("herald-media");
        var mediaFolder = Path.Combine(folder.Path, "media");
        await using var server = await StartAsync(await DatabaseAsync(provider, folder), MediaStoreKind.Database, mediaFolder);
        using var author = await NewsroomSession.SignInAsync(server, "photo-desk@example.org", Roles.Author);
        var upload = await MediaTests.UploadAsync(author, MediaTests.Png(1800, 900), "quay.png", "The quay");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var item = await db.MediaItems.OrderByDescending(m => m.Id).FirstAsync();
        var sources = item.Srcset.Split(", ").Select(s => s.Split(' ')[0]).ToList();
        Assert.True(sources.Count > 1, item.Srcset);
        Assert.Equal(sources.Count, await db.MediaFiles.CountAsync(f => sources.Contains("/media/" + f.Path)));
        Assert.False(Directory.Exists(mediaFolder) && Directory.EnumerateFiles(mediaFolder, "*", SearchOption.AllDirectories).Any());
        using var reader = server.CreateClient();
        foreach (var source in sources)
        {
            using var response = await reader.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        }
    }

    /// <summary>What a browser and a proxy learn from the file: every answer that matters to caching and resuming.</summary>
    private static async Task<List<string>> AskAsync(HeraldTestServer server, string url, byte[] content)
    {
        using var client = server.CreateClient(decompress: false);
        var answers = new List<string>();
        using var first = await client.GetAsync(url);
        Assert.Equal(content, await first.Content.ReadAsByteArrayAsync());
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        answers.Add($"GET {(int)first.StatusCode} {first.Content.Headers.ContentType} {first.Content.Headers.ContentLength} "
            + $"{first.Headers.CacheControl} {string.Join(",", first.Headers.AcceptRanges)} strong-etag:{!etag.IsWeak}");

        answers.Add(await StatusAsync(client, url, "if-none-match: its etag", r => r.Headers.IfNoneMatch.Add(etag)));
        answers.Add(await StatusAsync(client, url, "if-none-match: another", r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""))));
        answers.Add(await StatusAsync(client, url, "if-modified-since: its date", r => r.Headers.IfModifiedSince = modified));
        answers.Add(await StatusAsync(client, url, "if-match: its etag", r => r.Headers.IfMatch.Add(etag)));
        answers.Add(await StatusAsync(client, url, "if-match: another", r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"other\""))));

        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var part = await client.SendAsync(ranged);
        Assert.Equal(content[1000..2000], await part.Content.ReadAsByteArrayAsync());
        answers.Add($"range {(int)part.StatusCode} {part.Content.Headers.ContentRange}");

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.Range = new RangeHeaderValue(0, 9);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"other\""));
        using var whole = await client.SendAsync(stale);
        answers.Add($"if-range-stale {(int)whole.StatusCode} {whole.Content.Headers.ContentLength}");

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(content.Length + 10, null);
        answers.Add($"unsatisfiable {(int)(await client.SendAsync(beyond)).StatusCode}");

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        answers.Add($"HEAD {(int)head.StatusCode} {head.Content.Headers.ContentLength} body:{(await head.Content.ReadAsByteArrayAsync()).Length}");
        answers.Add($"missing {(int)(await client.GetAsync(url.Replace("harbour", "harbor", StringComparison.Ordinal))).StatusCode}");
        return answers;
    }

    private static async Task<string> StatusAsync(HttpClient client, string url, string name, Action<HttpRequestMessage> condition)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        condition(request);
        using var response = await client.SendAsync(request);
        return $"{name} → {(int)response.StatusCode}";
    }

    private static Task<HeraldTestServer> StartAsync(DatabaseConnection database, MediaStoreKind store, string mediaFolder) =>
        HeraldTestServer.StartAsync(database, demo: false, adjust: o => o with { MediaStore = store, ConfiguredMediaFolder = mediaFolder });

    private static async Task<DatabaseConnection> DatabaseAsync(string provider, TempFolder folder)
    {
        if (provider == "sqlite")
        {
            return Sqlite(folder, "database.db");
        }
        var postgres = await PostgresServer.GetAsync();
        RequiredService.SkipUnlessAvailable(postgres is not null, PostgresServer.Unavailable);
        return DatabaseConnection.Parse(postgres!.NewDatabase("media"));
    }

    private static DatabaseConnection Sqlite(TempFolder folder, string name) =>
        DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, name)}");

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream that cannot seek, as a network body is.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}