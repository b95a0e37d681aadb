using System.Net;
using Herald.Accounts;
using Herald.Articles;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>Each role's allowed and forbidden actions, checked on the server whatever the page shows.</summary>
public sealed class RoleTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_contributor_writes_and_submits_but_cannot_publish()
    {
        using var contributor = await NewsroomSession.SignInAsync(Server, "contributor@example.org", Roles.Contributor);
        var id = await contributor.WriteAsync("A contributor's first story", "Words from the field.");

        var publish = await contributor.EditAsync(Server, id, "A contributor's first story", "Words from the field.", "publish");
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("You cannot do that", await publish.Content.ReadAsStringAsync());
        Assert.Equal(ArticleStatus.Draft, (await NewsroomWriting.LoadAsync(Server, id)).Status);

        var schedule = await contributor.EditAsync(Server, id, "A contributor's first story", "Words.", "schedule", ("Form.ScheduleAt", "2099-01-01T10:00"));
        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);

        var submit = await contributor.EditAsync(Server, id, "A contributor's first story", "Words from the field.", "submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(ArticleStatus.Submitted, (await NewsroomWriting.LoadAsync(Server, id)).Status);
    }

    [Fact]
    public async Task A_contributor_cannot_touch_others_work_media_uploads_or_management()
    {
        using var contributor = await NewsroomSession.SignInAsync(Server, "contributor2@example.org", Roles.Contributor);
        var theirs = await NewsroomWriting.SomeoneElsesArticleAsync(Server);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.Client.GetAsync($"/newsroom/articles/edit/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.EditAsync(Server, theirs, "Hijacked", "Gone.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.Client.GetAsync($"/newsroom/articles/{theirs}/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostFormAsync($"/newsroom/articles/edit/{theirs}?handler=delete", [], "/newsroom")).StatusCode);
        foreach (var page in new[] { "/newsroom/categories", "/newsroom/tags", "/newsroom/users", "/newsroom/settings" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await contributor.Client.GetAsync(page)).StatusCode);
        }
        var upload = await MediaTests.UploadAsync(contributor, MediaTests.Png(800, 600), "picture.png", "A picture");
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.NotEqual("Hijacked", (await NewsroomWriting.LoadAsync(Server, theirs)).Headline);
    }

    [Fact]
    public async Task An_author_publishes_their_own_article_but_not_someone_elses()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "author@example.org", Roles.Author);
        var id = await author.WriteAsync("Harbour ferry timetable changes", "The ferry leaves earlier from Monday.", "publish");

        using var reader = Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(await NewsroomWriting.PublicUrlAsync(Server, id))).StatusCode);

        var theirs = await NewsroomWriting.SomeoneElsesArticleAsync(Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.EditAsync(Server, theirs, "Mine now", "No.", "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.EditAsync(Server, theirs, "Mine now", "No.", "unpublish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/newsroom/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/newsroom/users")).StatusCode);

        var unpublish = await author.EditAsync(Server, id, "Harbour ferry timetable changes", "The ferry leaves earlier from Monday.", "unpublish", ("confirm", "unpublish"));
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(await NewsroomWriting.PublicUrlAsync(Server, id))).StatusCode);
    }

    [Fact]
    public async Task An_editor_edits_and_publishes_a_submitted_article_and_manages_sections_but_not_users()
    {
        using var contributor = await NewsroomSession.SignInAsync(Server, "contributor3@example.org", Roles.Contributor);
        var id = await contributor.WriteAsync("Council approves new library", "The vote was seven to two.", "submit");
        using var editor = await NewsroomSession.SignInAsync(Server, "editor@example.org", Roles.Editor);

        var (_, dashboard) = await editor.Client.GetPageAsync("/newsroom");
        Assert.Contains("Council approves new library", dashboard.QuerySelector("main")!.TextContent);
        var publish = await editor.EditAsync(Server, id, "Council approves new library", "The vote was seven to two, after a long debate.", "publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await NewsroomWriting.LoadAsync(Server, id)).Status);

        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/newsroom/categories")).StatusCode);
        var add = await editor.PostFormAsync("/newsroom/categories?handler=Save", new() { ["Form.Id"] = "0", ["Form.Name"] = "Weather", ["Form.Position"] = "9" }, "/newsroom/categories");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        using var reader = Server.CreateClient();
        Assert.Contains("/category/weather", await reader.GetStringAsync("/"));

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync("/newsroom/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync("/newsroom/settings")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_users_changes_roles_and_disables_accounts()
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "admin@example.org", Roles.Administrator);
        var add = await admin.PostFormAsync("/newsroom/users?handler=Add", new()
        {
            ["NewUser.Email"] = "newcomer@example.org",
            ["NewUser.Name"] = "New Comer",
            ["NewUser.Role"] = Roles.Contributor,
            ["NewUser.Password"] = "a long enough password",
        }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);

        var (_, users) = await admin.Client.GetPageAsync("/newsroom/users");
        var userId = users.QuerySelectorAll("tr").First(row => row.TextContent.Contains("newcomer@example.org")).QuerySelector("select")!.Id!["role-".Length..];
        var role = await admin.PostFormAsync($"/newsroom/users?handler=Role&id={userId}", new() { ["role"] = Roles.Editor, ["confirmed"] = "true" }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        using (var promoted = await NewsroomSession.SignInAsync(Server, "newcomer@example.org", Roles.Contributor, "a long enough password"))
        {
            Assert.Equal(HttpStatusCode.OK, (await promoted.Client.GetAsync("/newsroom/categories")).StatusCode);
        }

        var disabled = await admin.PostFormAsync($"/newsroom/users?handler=Disable&id={userId}", new() { ["confirmed"] = "true" }, "/newsroom/users");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var shutOut = NewsroomSession.Anonymous(Server);
        var signIn = await shutOut.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "newcomer@example.org", ["Form.Password"] = "a long enough password" });
        // The right password for an account an administrator disabled: told so, not asked to wait.
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("Ask an administrator to enable it again", await signIn.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "5", "not a time zone")]
    [InlineData("Europe/Oslo", "0", "from 1 to 100")]
    [InlineData("Europe/Oslo", "101", "from 1 to 100")]
    public async Task Settings_refuse_bad_values_and_keep_what_was_typed(string zone, string perPage, string message)
    {
        using var admin = await NewsroomSession.SignInAsync(Server, "admin2@example.org", Roles.Administrator);
        var response = await admin.PostFormAsync("/newsroom/settings", new()
        {
            ["Form.Title"] = "A title I typed",
            ["Form.TimeZoneId"] = zone,
            ["Form.PostsPerPage"] = perPage,
        });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".form-problem")!.TextContent);
        Assert.Equal("A title I typed", page.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        using var writer = await NewsroomSession.SignInAsync(Server, "changer@example.org", Roles.Author, "the first password");
        var wrong = await writer.PostFormAsync("/newsroom/account/password", new() { ["Form.Current"] = "not it at all", ["Form.New"] = "the second password", ["Form.Confirm"] = "the second password" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var right = await writer.PostFormAsync("/newsroom/account/password", new() { ["Form.Current"] = "the first password", ["Form.New"] = "the second password", ["Form.Confirm"] = "the second password" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        using var again = NewsroomSession.Anonymous(Server);
        var signIn = await again.PostFormAsync("/newsroom/login", new() { ["Form.Email"] = "changer@example.org", ["Form.Password"] = "the second password" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}