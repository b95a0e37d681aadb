using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Accounts;

/// <summary>A site whose sign-in throttle acts after two wrong answers and waits ten minutes.</summary>
public sealed class TightTwoFactorFixture : SqliteSiteFixture
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<LoginThrottleOptions>(o =>
    {
        o.FreeFailuresPerAccount = 2;
        o.FirstWait = TimeSpan.FromMinutes(10);
        o.LongestWait = TimeSpan.FromHours(1);
    });
}

/// <summary>
/// An editor turns on an authenticator from their account page and signs in with codes the test
/// computes from the key shown (RFC 6238), as a phone would; wrong codes are refused and
/// throttled like passwords; a recovery code works once; an administrator can turn it off.
/// </summary>
public sealed class TwoFactorTests(TightTwoFactorFixture fixture) : IClassFixture<TightTwoFactorFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public void The_code_helper_matches_the_rfc_6238_examples()
    {
        // RFC 6238, appendix B, SHA-1: the key is the ASCII "12345678901234567890"; six digits are the last six of eight.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("005924", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    [Fact]
    public async Task An_editor_sets_up_an_authenticator_and_signs_in_with_its_codes()
    {
        var (key, recoveryCodes) = await SetUpAsync("desk.editor@example.org", "the desk's password", "127.5.0.1");
        Assert.Equal(10, recoveryCodes.Count);

        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.5.0.2"));
        var password = await SignInAsync(browser, "desk.editor@example.org", "the desk's password");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/newsroom/login/code", password.Headers.Location!.OriginalString);
        // The password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/newsroom")).StatusCode);

        var wrong = await browser.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("That code is not right", Problem(await wrong.Content.ReadAsStringAsync()));

        var right = await browser.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/newsroom", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var (_, recoveryCodes) = await SetUpAsync("phone.lost@example.org", "a lost phone's password", "127.5.1.1");

        using (var first = NewsroomSession.From(Server, IPAddress.Parse("127.5.1.2")))
        {
            await SignInAsync(first, "phone.lost@example.org", "a lost phone's password");
            var used = await first.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = recoveryCodes[0].ToLowerInvariant() });
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/newsroom")).StatusCode);
        }
        using var second = NewsroomSession.From(Server, IPAddress.Parse("127.5.1.3"));
        await SignInAsync(second, "phone.lost@example.org", "a lost phone's password");
        var again = await second.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var another = await second.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = recoveryCodes[1] });
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_wait_like_wrong_passwords_and_say_how_long()
    {
        var (key, _) = await SetUpAsync("guessed@example.org", "a guessed password", "127.5.2.1");
        using var attacker = NewsroomSession.From(Server, IPAddress.Parse("127.5.2.2"));
        await SignInAsync(attacker, "guessed@example.org", "a guessed password");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = WrongCode(key) })).StatusCode);
        }
        var waiting = await attacker.PostFormAsync("/newsroom/login/code", new() { ["Form.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal("Too many wrong codes or passwords for this account. Try again in 10 minutes.", Problem(await waiting.Content.ReadAsStringAsync()));
        Assert.InRange(waiting.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_wrong_first_code_keeps_the_set_up_and_what_was_typed()
    {
        using var editor = await NewsroomSession.SignInAsync(Server, "careful.editor@example.org", Roles.Editor, "a careful password");
        var (_, setUp) = await editor.Client.GetPageAsync("/newsroom/account/two-factor");
        var key = setUp.QuerySelector(".authenticator-key")!.GetAttribute("data-key")!;
        Assert.StartsWith("data:image/png;base64,", setUp.QuerySelector("img.qr-code")!.GetAttribute("src"));

        var refused = await editor.PostFormAsync("/newsroom/account/two-factor?handler=Enable", new() { ["Form.Code"] = WrongCode(key) }, "/newsroom/account/two-factor");
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(WrongCode(key), page.QuerySelector("input[name='Form.Code']")!.GetAttribute("value"));
        Assert.Equal(key, page.QuerySelector(".authenticator-key")!.GetAttribute("data-key"));
    }

    [Fact]
    public async Task Authors_have_no_authenticator_page()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "plain.author@example.org", Roles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/newsroom/account/two-factor")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_turns_off_someone_elses_authenticator()
    {
        await SetUpAsync("lost.everything@example.org", "still my password", "127.5.3.1");
        using var admin = await NewsroomSession.SignInAsync(Server, "helpdesk@example.org", Roles.Administrator);
        string id;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HeraldUser>>().FindByEmailAsync("lost.everything@example.org"))!.Id;
        }

        var asked = await admin.PostFormAsync($"/newsroom/users?handler=ResetTwoFactor&id={id}", [], "/newsroom/users");
        Assert.Contains("Turn off the authenticator of lost.everything (lost.everything@example.org)?", Html.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector(".confirm")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/newsroom/users?handler=ResetTwoFactor&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users")).StatusCode);

        using var browser = NewsroomSession.From(Server, IPAddress.Parse("127.5.3.2"));
        var signedIn = await SignInAsync(browser, "lost.everything@example.org", "still my password");
        Assert.Equal("/newsroom", signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>Signs the editor in, turns the authenticator on with a code computed from the key shown; returns the key and the recovery codes.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(string email, string password, string client)
    {
        await NewsroomSession.CreateUserAsync(Server, email, Roles.Editor, password);
        using var editor = NewsroomSession.From(Server, IPAddress.Parse(client));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(editor, email, password)).StatusCode);
        var (_, setUp) = await editor.Client.GetPageAsync("/newsroom/account/two-factor");
        var key = setUp.QuerySelector(".authenticator-key")!.GetAttribute("data-key")!;

        var enabled = await editor.PostFormAsync("/newsroom/account/two-factor?handler=Enable", new() { ["Form.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/newsroom/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var page = Html.Parse(await enabled.Content.ReadAsStringAsync());
        Assert.Contains("The authenticator is on", page.QuerySelector(".notice")!.TextContent);
        // The person's own session goes on after the change.
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/newsroom")).StatusCode);
        return (key, [.. page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim())]);
    }

    /// <summary>Six digits that are none of the codes valid around now.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-2, 5).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !valid.Contains(code));
    }

    private static Task<HttpResponseMessage> SignInAsync(NewsroomSession session, string email, string password) =>
        session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = password });

    private static string Problem(string page) => Html.Parse(page).QuerySelector(".form-problem")?.TextContent.Trim() ?? "";
}