using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Accounts;

/// <summary>
/// "Forgot your password?" end to end over HTTP, with the mail caught by a real SMTP server:
/// the link arrives, works once and starts with the public address; an unknown address gets the
/// same page and no mail; dead links and refused passwords answer plainly and break nothing.
/// </summary>
public sealed class PasswordResetTests(MailSiteFixture fixture) : IClassFixture<MailSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_once()
    {
        await NewsroomSession.CreateUserAsync(Server, "forgetful@example.org", Roles.Editor, "the old password");
        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.3.0.1"));
        var (_, signInPage) = await browser.Client.GetPageAsync("/newsroom/login");
        Assert.NotNull(signInPage.QuerySelector("a[href='/newsroom/forgot-password']"));

        var asked = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "forgetful@example.org" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Matches(@"If an account has the address forgetful@example.org, a link to choose a new\s+password is on its way", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".notice")!.TextContent);

        var mail = await fixture.Mailbox.WaitForAsync("forgetful@example.org");
        var (link, pathAndQuery) = ResetLinks.In(mail.Body);
        Assert.StartsWith($"{MailSiteFixture.PublicUrl.GetLeftPart(UriPartial.Authority)}/newsroom/reset-password?", link);
        Assert.Contains("works once, for 2 hours", mail.Body);

        var (form, formPage) = await browser.Client.GetPageAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("forgetful@example.org", formPage.QuerySelector("main")!.TextContent);
        var changed = await browser.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "a brand new password", ["Form.Confirm"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/newsroom/login", changed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "forgetful@example.org", "the old password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "forgetful@example.org", "a brand new password")).StatusCode);

        // Used once, the link is dead: for the page and for a second post alike.
        using var later = NewsroomSession.Anonymous(Server);
        var (again, againPage) = await later.Client.GetPageAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link no longer works", againPage.QuerySelector(".form-problem")!.TextContent);
        Assert.Null(againPage.QuerySelector("input[name='Form.New']"));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_page_and_no_mail()
    {
        await NewsroomSession.CreateUserAsync(Server, "known@example.org", Roles.Author, "a password of twelve");
        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.3.0.2"));

        var unknown = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "nobody@example.org" });
        var known = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "known@example.org" });

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await ComparableAsync(known, "known@example.org"), await ComparableAsync(unknown, "nobody@example.org"));
        // Mail leaves in the order asked: once the known address's has arrived, any for the unknown one would have too.
        await fixture.Mailbox.WaitForAsync("known@example.org");
        Assert.Empty(fixture.Mailbox.To("nobody@example.org"));
    }

    [Theory]
    [InlineData("token=garbled!!")]
    [InlineData("token=")]
    [InlineData("user=no-such-account&token=Q2ZESjhBTk9U")]
    public async Task A_garbled_or_foreign_link_is_answered_plainly(string query)
    {
        await NewsroomSession.CreateUserAsync(Server, "garbled@example.org", Roles.Author, "a password of twelve");
        using var browser = NewsroomSession.Anonymous(Server);
        var id = await UserIdAsync("garbled@example.org");
        var path = "/newsroom/reset-password?" + (query.StartsWith("user=", StringComparison.Ordinal) ? query : $"user={id}&{query}");

        var (response, page) = await browser.Client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link no longer works", page.QuerySelector(".form-problem")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/newsroom/forgot-password']"));
    }

    [Fact]
    public async Task A_refused_password_keeps_the_link_alive()
    {
        await NewsroomSession.CreateUserAsync(Server, "picky@example.org", Roles.Author, "the old password");
        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.3.0.3"));
        await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "picky@example.org" });
        var (_, pathAndQuery) = ResetLinks.In((await fixture.Mailbox.WaitForAsync("picky@example.org")).Body);

        var tooShort = await browser.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "short", ["Form.Confirm"] = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("12 to 256 characters", Html.Parse(await tooShort.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent);
        var differ = await browser.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "one long password", ["Form.Confirm"] = "another long one" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, differ.StatusCode);

        var right = await browser.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "one long password", ["Form.Confirm"] = "one long password" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task A_malformed_address_is_refused_and_kept()
    {
        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.3.0.4"));
        var response = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "not-an-address" });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter an e-mail address like name@example.org.", page.QuerySelector(".field-error")!.TextContent);
        Assert.Equal("not-an-address", page.QuerySelector("input[name='Form.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Repeated_requests_for_one_address_wait_and_are_told_how_long()
    {
        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.3.0.5"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "flooded@example.org" })).StatusCode);
        }
        var waiting = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "flooded@example.org" });
        var page = Html.Parse(await waiting.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Matches("^Too many reset requests for this e-mail address. Try again in (59|60) minutes.$", page.QuerySelector(".form-problem")!.TextContent.Trim());
        Assert.InRange(waiting.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(60));
        Assert.Equal("flooded@example.org", page.QuerySelector("input[name='Form.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_administrator_sends_a_reset_link_after_confirming_whom_to()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "resetter@example.org", Roles.Administrator);
        await NewsroomSession.CreateUserAsync(Server, "locked.out@example.org", Roles.Author, "forgotten password");
        var id = await UserIdAsync("locked.out@example.org");

        var asked = await admin.PostFormAsync($"/newsroom/users?handler=ResetLink&id={id}", [], "/newsroom/users");
        var confirm = Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!;
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Send locked.out (locked.out@example.org) a link to choose a new password?", confirm.TextContent);
        Assert.Empty(fixture.Mailbox.To("locked.out@example.org"));

        var sent = await admin.PostFormAsync($"/newsroom/users?handler=ResetLink&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, pathAndQuery) = ResetLinks.In((await fixture.Mailbox.WaitForAsync("locked.out@example.org")).Body);
        using var person = NewsroomSession.Anonymous(Server);
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "remembered this time", ["Form.Confirm"] = "remembered this time" })).StatusCode);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HeraldUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static Task<HttpResponseMessage> SignInAsync(NewsroomSession session, string email, string password) =>
        session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = password });

    /// <summary>The page without what must differ: the address typed (echoed back) and the anti-forgery token.</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response, string email)
    {
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]"))
        {
            token.SetAttribute("value", "");
        }
        return page.QuerySelector("main")!.OuterHtml.Replace(email, "ADDRESS", StringComparison.Ordinal);
    }
}

/// <summary>A link older than its lifetime is dead, answered plainly, and the account is as it was.</summary>
public sealed class ExpiredResetLinkTests(ShortLinkMailSiteFixture fixture) : IClassFixture<ShortLinkMailSiteFixture>
{
    [Fact]
    public async Task An_expired_link_is_refused_and_changes_nothing()
    {
        var server = fixture.RequireServer();
        await NewsroomSession.CreateUserAsync(server, "slow.reader@example.org", Roles.Author, "the old password");
        using var browser = NewsroomSession.Anonymous(server);
        await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "slow.reader@example.org" });
        var (_, stale) = ResetLinks.In((await fixture.Mailbox.WaitForAsync("slow.reader@example.org")).Body);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var refused = await browser.PostFormAsync(stale, new() { ["Form.New"] = "too late a password", ["Form.Confirm"] = "too late a password" }, "/newsroom/forgot-password");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This link no longer works", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent);

        // Nothing broke: the old password still signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "slow.reader@example.org", ["Form.Password"] = "the old password" })).StatusCode);
    }
}