using System.Net;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

public sealed class LoginTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.Client.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/newsroom/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Staff_sign_in_and_see_their_name_and_role()
    {
        using var session = await NewsroomSession.SignInAsync(Server, "writer@example.org", Roles.Author);
        var (response, page) = await session.Client.GetPageAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(Author)", page.QuerySelector("main")!.TextContent);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_address_typed_is_kept()
    {
        await NewsroomSession.CreateUserAsync(Server, "careful@example.org", Roles.Editor, "the right password");
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "careful@example.org", ["Form.Password"] = "the wrong one" });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match", page.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal("careful@example.org", page.QuerySelector("input[name='Form.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        await NewsroomSession.CreateUserAsync(Server, "target@example.org", Roles.Editor, "the right password");
        using var session = NewsroomSession.Anonymous(Server);
        for (var i = 0; i < 5; i++)
        {
            await session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "target@example.org", ["Form.Password"] = $"guess {i}" });
        }
        var response = await session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "target@example.org", ["Form.Password"] = "the right password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("", "x", "Enter your e-mail address.")]
    [InlineData("not-an-address", "x", "Enter an e-mail address like name@example.org.")]
    [InlineData("a@example.org", "", "Enter your password.")]
    public async Task Missing_or_malformed_fields_get_a_message_each(string email, string password, string message)
    {
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = email, ["Form.Password"] = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.Client.PostAsync("/newsroom/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Email"] = "a@example.org", ["Form.Password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var session = await NewsroomSession.SignInAsync(Server, "leaver@example.org", Roles.Contributor);
        var response = await session.PostFormAsync("/newsroom/logout", [], formPage: "/newsroom");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task A_return_address_outside_the_newsroom_is_ignored()
    {
        await NewsroomSession.CreateUserAsync(Server, "redirect@example.org", Roles.Author, "the right password");
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.PostFormAsync("/newsroom/login?ReturnUrl=https%3A%2F%2Fevil.example", new()
        {
            ["Form.Email"] = "redirect@example.org",
            ["Form.Password"] = "the right password",
            ["ReturnUrl"] = "https://evil.example",
        }, formPage: "/newsroom/login");

        Assert.Equal("/newsroom", response.Headers.Location!.OriginalString);
    }
}