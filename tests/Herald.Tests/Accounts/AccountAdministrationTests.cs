using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Herald.Tests.Accounts;

/// <summary>
/// An administrator runs accounts on a site that sends no mail: each change is confirmed with
/// the person's name first, a disabled account is shut out at once (its live cookie too) and can
/// come back, the last active administrator stays, and a reset link is shown rather than sent.
/// </summary>
public sealed class AccountAdministrationTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_disabled_account_is_shut_out_at_once_and_can_come_back()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "chief@example.org", Roles.Administrator);
        using var reporter = await NewsroomSession.SignInAsync(Server, "stringer@example.org", Roles.Author, "a stringer's password");
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/newsroom")).StatusCode);
        var id = await UserIdAsync("stringer@example.org");

        var asked = await admin.PostFormAsync($"/newsroom/users?handler=Disable&id={id}", [], "/newsroom/users");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Disable the account of stringer (stringer@example.org)?", Confirmation(await asked.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync("/newsroom")).StatusCode);

        var disabled = await admin.PostFormAsync($"/newsroom/users?handler=Disable&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        // The cookie the reporter already holds stops working at the next request.
        var shutOut = await reporter.Client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, shutOut.StatusCode);
        Assert.StartsWith("/newsroom/login", shutOut.Headers.Location!.PathAndQuery);
        using var again = NewsroomSession.From(Server, IPAddress.Parse("127.4.0.1"));
        var refused = await SignInAsync(again, "stringer@example.org", "a stringer's password");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This account is disabled", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent);

        var (_, list) = await admin.Client.GetPageAsync("/newsroom/users");
        Assert.Contains("Disabled", list.QuerySelector("tr[data-user='stringer@example.org']")!.TextContent);
        var enableAsked = await admin.PostFormAsync($"/newsroom/users?handler=Enable&id={id}", [], "/newsroom/users");
        Assert.Contains("Enable the account of stringer (stringer@example.org) again?", Confirmation(await enableAsked.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/newsroom/users?handler=Enable&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(again, "stringer@example.org", "a stringer's password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_names_the_person_and_the_roles_before_it_happens()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "roles.admin@example.org", Roles.Administrator);
        await NewsroomSession.CreateUserAsync(Server, "rising@example.org", Roles.Author, "a rising password");
        var id = await UserIdAsync("rising@example.org");

        var asked = await admin.PostFormAsync($"/newsroom/users?handler=Role&id={id}", new() { ["role"] = Roles.Editor }, "/newsroom/users");
        var page = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Make rising (rising@example.org) an Editor?", Confirmation(page));
        Assert.Contains("They are an Author now.", Confirmation(page));
        Assert.Equal(Roles.Editor, Html.Parse(page).QuerySelector(".confirm input[name=role]")!.GetAttribute("value"));
        Assert.Equal(Roles.Author, await RoleAsync("rising@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/newsroom/users?handler=Role&id={id}", new() { ["role"] = Roles.Editor, ["confirmed"] = "true" }, "/newsroom/users")).StatusCode);
        Assert.Equal(Roles.Editor, await RoleAsync("rising@example.org"));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_disabled_or_demoted()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "only.admin@example.org", Roles.Administrator);
        await SetOtherAdministratorsAsync("only.admin@example.org", DateTimeOffset.MaxValue);
        try
        {
            await OnlyAdministratorIsKeptAsync(admin);
        }
        finally
        {
            // The other tests of the class sign their administrators in again.
            await SetOtherAdministratorsAsync("only.admin@example.org", null);
        }

        // With a second administrator, the rule that remains is that no one disables themself.
        var id = await UserIdAsync("only.admin@example.org");
        await NewsroomSession.CreateUserAsync(Server, "second.admin@example.org", Roles.Administrator, "a second admin's password");
        var self = await admin.PostFormAsync($"/newsroom/users?handler=Disable&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("You cannot disable your own account", Html.Parse(await self.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent);
    }

    private async Task OnlyAdministratorIsKeptAsync(NewsroomSession admin)
    {
        var id = await UserIdAsync("only.admin@example.org");

        foreach (var (handler, fields) in new[] { ("Disable", new Dictionary<string, string> { ["confirmed"] = "true" }), ("Role", new() { ["role"] = Roles.Editor, ["confirmed"] = "true" }) })
        {
            var refused = await admin.PostFormAsync($"/newsroom/users?handler={handler}&id={id}", fields, "/newsroom/users");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("is the last active administrator", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".form-problem")!.TextContent);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/newsroom/users")).StatusCode);
    }

    [Fact]
    public async Task Without_a_mail_server_the_site_says_so_and_sends_nothing()
    {
        using var browser = NewsroomSession.Anonymous(Server);
        var (page, html) = await browser.Client.GetPageAsync("/newsroom/forgot-password");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("cannot send e-mail", html.QuerySelector(".form-problem")!.TextContent);
        Assert.Contains("Ask an administrator to reset your password", html.QuerySelector(".form-problem")!.TextContent);
        Assert.Null(html.QuerySelector("input[name='Form.Email']"));

        var posted = await browser.PostFormAsync("/newsroom/forgot-password", new() { ["Form.Email"] = "someone@example.org" }, "/newsroom/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        Assert.DoesNotContain("on its way", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_mail_server_an_administrator_is_shown_a_link_to_pass_on()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "link.admin@example.org", Roles.Administrator);
        await NewsroomSession.CreateUserAsync(Server, "no.mail@example.org", Roles.Contributor, "a forgotten password");
        var id = await UserIdAsync("no.mail@example.org");
        var (_, list) = await admin.Client.GetPageAsync("/newsroom/users");
        Assert.Contains("Make reset link", list.QuerySelector("tr[data-user='no.mail@example.org']")!.TextContent);

        var asked = await admin.PostFormAsync($"/newsroom/users?handler=ResetLink&id={id}", [], "/newsroom/users");
        Assert.Contains("This site sends no mail", Confirmation(await asked.Content.ReadAsStringAsync()));
        var made = await admin.PostFormAsync($"/newsroom/users?handler=ResetLink&id={id}", new() { ["confirmed"] = "true" }, "/newsroom/users");
        var (_, shown) = await admin.Client.GetPageAsync(made.Headers.Location!.OriginalString);
        var (link, pathAndQuery) = ResetLinks.In(shown.QuerySelector(".notice")!.TextContent);
        Assert.StartsWith(Server.Address.GetLeftPart(UriPartial.Authority), link);

        using var person = NewsroomSession.Anonymous(Server);
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync(pathAndQuery, new() { ["Form.New"] = "handed over in person", ["Form.Confirm"] = "handed over in person" })).StatusCode);
    }

    /// <summary>Disables (or enables, with null) every administrator but one, straight in the store.</summary>
    private async Task<List<string>> SetOtherAdministratorsAsync(string keep, DateTimeOffset? lockedUntil)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>();
        var others = new List<string>();
        foreach (var other in await users.GetUsersInRoleAsync(Roles.Administrator))
        {
            if (other.Email != keep)
            {
                await users.SetLockoutEndDateAsync(other, lockedUntil);
                others.Add(other.Email!);
            }
        }
        return others;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<string?> RoleAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>();
        return (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).SingleOrDefault();
    }

    private static string Confirmation(string page) => Html.Parse(page).QuerySelector(".confirm")?.TextContent ?? "(no confirmation on the page)";

    private static Task<HttpResponseMessage> SignInAsync(NewsroomSession session, string email, string password) =>
        session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = password });
}