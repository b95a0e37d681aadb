using System.Net;
using System.Net.Http.Json;
using Herald.Accounts;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Understanding;

public sealed class EditorialChecksTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    public sealed record Warning(string Rule, string Message, int Start, int End);

    [Fact]
    public async Task Staff_get_the_checks_of_a_draft_with_their_places()
    {
        using var session = await NewsroomSession.SignInAsync(Server, "checker@example.org", Roles.Contributor);
        const string draft = "The talks played a balancing roleXi said on Friday.\n\n“We will continue, he said.\n";

        var response = await session.Client.PostAsJsonAsync("/newsroom/checks", new { text = draft });
        var warnings = await response.Content.ReadFromJsonAsync<List<Warning>>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runTogether = Assert.Single(warnings!, w => w.Rule == "run-together");
        Assert.Contains("roleXi", draft[runTogether.Start..runTogether.End]);
        Assert.Contains(warnings!, w => w.Rule == "quote-unbalanced");
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        using var session = NewsroomSession.Anonymous(Server);
        var response = await session.Client.PostAsJsonAsync("/newsroom/checks", new { text = "x" });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Oversized_text_gets_413_with_a_message()
    {
        using var session = await NewsroomSession.SignInAsync(Server, "checker2@example.org", Roles.Author);
        var response = await session.Client.PostAsJsonAsync("/newsroom/checks", new { text = new string('a', 500_001) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("check it in parts", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_from_elsewhere_is_refused()
    {
        using var session = await NewsroomSession.SignInAsync(Server, "checker3@example.org", Roles.Author);
        var response = await session.Client.PostAsync("/newsroom/checks", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}