using System.Collections.Concurrent;
using System.Net;
using Herald.Comments;
using Herald.Storage;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Herald.Tests.WordPress.Export;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Storage;

/// <summary>herald backup and herald restore as an operator runs them, against a site that is taking comments.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_comments_arrive_restores_every_comment_acknowledged_before_it()
    {
        using var folder = new TempFolder("herald-backup");
        var siteDb = $"Data Source={Path.Combine(folder.Path, "site", "herald.db")}";
        var archive = Path.Combine(folder.Path, "site.tar.gz");
        await using var site = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(siteDb), configureServices: CommentTestSettings.Apply);
        var picture = Path.Combine(folder.Path, "site", "media", "2026", "harbour.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
        await File.WriteAllTextAsync(picture, "stands in for an uploaded picture");
        var (articleId, _) = await CommentData.ArticleNumberAsync(site, 5);

        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var posting = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                using var visitor = Visitor.Create(site);
                acknowledged.Enqueue(await visitor.PostAcceptedAsync(new CommentPost(articleId,
                    $"Comment {n} while the backup runs: the ferry to the island left at {n % 24}:00.", $"Backup Reader {n}", $"backup{n}@example.org")));
            }
        });
        while (acknowledged.Count < 10 && !posting.IsCompleted)
        {
            await Task.Delay(50);
        }
        var beforeBackup = acknowledged.ToArray();
        var backup = await HeraldProcess.RunAsync("backup", archive, "--db", siteDb);
        var duringBackup = acknowledged.Count - beforeBackup.Length;
        await stop.CancelAsync();
        await posting;

        Assert.True(backup.Exit == 0, backup.Errors);
        Assert.Matches(@"^Backed up .* and [1-9][0-9]* media files to ", backup.Output);
        Assert.True(duringBackup > 0, "No comment was acknowledged while the backup ran, so the test proved nothing about taking writes meanwhile.");

        var restoredDb = $"Data Source={Path.Combine(folder.Path, "restored", "herald.db")}";
        var restore = await HeraldProcess.RunAsync("restore", archive, "--db", restoredDb);
        Assert.True(restore.Exit == 0, restore.Errors);
        Assert.Equal("stands in for an uploaded picture", await File.ReadAllTextAsync(Path.Combine(folder.Path, "restored", "media", "2026", "harbour.txt")));

        await using var restored = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(restoredDb), demo: false);
        await using (var scope = restored.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var present = await db.Comments.Where(c => beforeBackup.Contains(c.Id)).Select(c => c.Id).ToListAsync();
            Assert.Equal(beforeBackup.Order(), present.Order());
        }
        using var client = restored.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var (_, url) = await CommentData.ArticleNumberAsync(restored, 5);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_site_keeping_its_media_in_the_database_is_backed_up_and_restored_with_them()
    {
        using var folder = new TempFolder("herald-backup");
        var siteDb = $"Data Source={Path.Combine(folder.Path, "site", "herald.db")}";
        var archive = Path.Combine(folder.Path, "site.tar.gz");
        byte[] picture = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];
        await using (var site = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(siteDb), demo: false,
            adjust: o => o with { MediaStore = Herald.Media.MediaStoreKind.Database }))
        {
            await site.Services.GetRequiredService<Herald.Media.IMediaStore>().SaveAsync("2026/12/quay.png", new MemoryStream(picture), CancellationToken.None);
        }

        var backup = await HeraldProcess.RunAsync("backup", archive, "--db", siteDb);
        Assert.True(backup.Exit == 0, backup.Errors);
        Assert.Contains("with 1 media files inside it) and 0 media files to ", backup.Output);

        var restoredDb = $"Data Source={Path.Combine(folder.Path, "restored", "herald.db")}";
        var restore = await HeraldProcess.RunAsync("restore", archive, "--db", restoredDb);
        Assert.True(restore.Exit == 0, restore.Errors);
        var again = await HeraldProcess.RunAsync("restore", archive, "--db", restoredDb);
        Assert.Equal("herald: The site is not empty (1 media files in the database); pass --force to replace it with the backup.", again.Errors.Trim());

        await using var restored = await HeraldTestServer.StartAsync(DatabaseConnection.Parse(restoredDb), demo: false,
            adjust: o => o with { MediaStore = Herald.Media.MediaStoreKind.Database });
        using var client = restored.CreateClient();
        Assert.Equal(picture, await client.GetByteArrayAsync("/media/2026/12/quay.png"));
    }

    [Fact]
    public async Task Restore_refuses_a_site_with_content_unless_forced()
    {
        using var folder = new TempFolder("herald-backup");
        var db = $"Data Source={Path.Combine(folder.Path, "site", "herald.db")}";
        var archive = Path.Combine(folder.Path, "site.tar.gz");
        Assert.Equal(0, (await HeraldProcess.RunAsync("user", "add", "chief@example.org", "--role", "Administrator", "--db", db)).Exit);
        Assert.Equal(0, (await HeraldProcess.RunAsync("backup", archive, "--db", db)).Exit);

        var refused = await HeraldProcess.RunAsync("restore", archive, "--db", db);
        var forced = await HeraldProcess.RunAsync("restore", archive, "--db", db, "--force");

        Assert.Equal(1, refused.Exit);
        Assert.Equal("herald: The site is not empty (1 accounts); pass --force to replace it with the backup.", refused.Errors.Trim());
        Assert.True(forced.Exit == 0, forced.Errors);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing()
    {
        using var folder = new TempFolder("herald-backup");
        var notABackup = Path.Combine(folder.Path, "photo.tar.gz");
        await File.WriteAllTextAsync(notABackup, "this is not gzip");

        var result = await HeraldProcess.RunAsync("restore", notABackup, "--db", $"Data Source={Path.Combine(folder.Path, "site", "herald.db")}");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"herald: {notABackup} is damaged or not a Herald backup", result.Errors.Trim());
        Assert.False(File.Exists(Path.Combine(folder.Path, "site", "herald.db")));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task A_postgres_site_is_sent_to_pg_dump(string verb)
    {
        var result = await HeraldProcess.RunAsync(verb, "/tmp/never-written.tar.gz", "--db", "Host=127.0.0.1;Port=1;Database=herald;Username=x");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"herald: herald {verb} works on SQLite sites. PostgreSQL sites are backed up with PostgreSQL's own tools: pg_dump", result.Errors.Trim());
    }
}