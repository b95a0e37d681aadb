using System.Net;
using Herald.Accounts;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Storage;

/// <summary>
/// Two Herald servers, each with its own services and key ring, on one database: the Data
/// Protection keys live in that database, so a sign-in cookie and an anti-forgery token made by
/// one are good on the other.
/// </summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_sign_in_and_a_form_from_one_server_are_good_on_another_of_the_same_site()
    {
        using var folder = new TempFolder("herald-keys");
        var database = DatabaseConnection.Parse($"Data Source={Path.Combine(folder.Path, "herald.db")}");
        await using var first = await HeraldTestServer.StartAsync(database, demo: false);
        await using var second = await HeraldTestServer.StartAsync(database, demo: false);
        await NewsroomSession.CreateUserAsync(first, "desk@example.org", Roles.Editor, "correct horse battery");

        var cookies = new CookieContainer();
        using var onFirst = NewsroomSession.From(first, IPAddress.Loopback, cookies);
        var signIn = await onFirst.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "desk@example.org", ["Form.Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var onSecond = NewsroomSession.From(second, IPAddress.Loopback, cookies);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.Client.GetAsync("/newsroom")).StatusCode);
        // The form (and its anti-forgery token) comes from the first server; the post goes to the second.
        var (_, form) = await onFirst.Client.GetPageAsync("/newsroom");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await onSecond.Client.PostAsync("/newsroom/articles/edit", new FormUrlEncodedContent(new Dictionary<string, string>(
            NewsroomWriting.Fields("Written across two servers", "One key ring for the site."))
        { ["action"] = "save", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.True(await db.Articles.AnyAsync(a => a.Headline == "Written across two servers"));
    }
}