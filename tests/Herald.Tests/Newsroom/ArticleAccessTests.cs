using System.Security.Claims;
using Herald.Accounts;
using Herald.Articles;
using Herald.Newsroom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Herald.Tests.Newsroom;

/// <summary>
/// Who may do what to one article, asked through ASP.NET Core's authorization service with
/// Herald's handler registered, as the newsroom pages ask it. The HTTP side is in RoleTests.
/// </summary>
public sealed class ArticleAccessTests : IDisposable
{
    private const string Me = "user-me";
    private const string Colleague = "user-colleague";

    private readonly ServiceProvider services;
    private readonly IAuthorizationService authorization;

    public ArticleAccessTests()
    {
        var collection = new ServiceCollection().AddLogging().AddAuthorizationCore();
        collection.AddNewsroomAccess();
        collection.AddSingleton<IAuthorizationHandler, ArticleAuthorizationHandler>();
        services = collection.BuildServiceProvider();
        authorization = services.GetRequiredService<IAuthorizationService>();
    }

    public static TheoryData<string> Operations => new() { "Edit", "Publish", "Delete", "ChooseAuthors" };

    private static OperationAuthorizationRequirement Operation(string name) => name switch
    {
        "Edit" => ArticleOperations.Edit,
        "Publish" => ArticleOperations.Publish,
        "Delete" => ArticleOperations.Delete,
        "ChooseAuthors" => ArticleOperations.ChooseAuthors,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static ClaimsPrincipal Person(string? role, string? id = Me)
    {
        var claims = new List<Claim>();
        if (id is not null)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, id));
        }
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
    }

    private static Article Story(ArticleStatus status, string? createdBy = Colleague, string? bylineUser = null)
    {
        var article = new Article { Slug = "s", Headline = "H", Status = status, CreatedByUserId = createdBy };
        article.Authors.Add(new ArticleAuthor { Author = new Author { Slug = "byline", Name = "Byline", UserId = bylineUser } });
        return article;
    }

    private async Task<bool> AllowsAsync(ClaimsPrincipal user, string operation, Article article) =>
        (await authorization.AuthorizeAsync(user, article, Operation(operation))).Succeeded;

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Editors_and_administrators_may_do_anything_to_anyones_work(string operation)
    {
        foreach (var role in new[] { Roles.Editor, Roles.Administrator })
        {
            foreach (var status in Enum.GetValues<ArticleStatus>())
            {
                Assert.True(await AllowsAsync(Person(role), operation, Story(status)), $"{role} {operation} {status}");
            }
        }
    }

    [Theory]
    [InlineData("Edit", true)]
    [InlineData("Publish", true)]
    [InlineData("Delete", true)]
    [InlineData("ChooseAuthors", false)]
    public async Task Authors_run_their_own_work_from_draft_to_published_but_only_under_their_own_name(string operation, bool allowed)
    {
        foreach (var status in Enum.GetValues<ArticleStatus>())
        {
            Assert.Equal(allowed, await AllowsAsync(Person(Roles.Author), operation, Story(status, createdBy: Me)));
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Authors_may_not_touch_a_colleagues_work(string operation)
    {
        foreach (var status in Enum.GetValues<ArticleStatus>())
        {
            Assert.False(await AllowsAsync(Person(Roles.Author), operation, Story(status, createdBy: Colleague)), $"{operation} {status}");
        }
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, "Edit", true)]
    [InlineData(ArticleStatus.Draft, "Delete", true)]
    [InlineData(ArticleStatus.Draft, "Publish", false)]
    [InlineData(ArticleStatus.Draft, "ChooseAuthors", false)]
    [InlineData(ArticleStatus.Submitted, "Edit", true)]
    [InlineData(ArticleStatus.Submitted, "Publish", false)]
    [InlineData(ArticleStatus.Unpublished, "Edit", true)]
    [InlineData(ArticleStatus.Published, "Edit", false)]
    [InlineData(ArticleStatus.Published, "Delete", false)]
    [InlineData(ArticleStatus.Scheduled, "Edit", false)]
    [InlineData(ArticleStatus.Scheduled, "Delete", false)]
    public async Task Contributors_write_their_own_work_until_it_goes_live(ArticleStatus status, string operation, bool allowed) =>
        Assert.Equal(allowed, await AllowsAsync(Person(Roles.Contributor), operation, Story(status, createdBy: Me)));

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Contributors_may_not_touch_a_colleagues_draft(string operation) =>
        Assert.False(await AllowsAsync(Person(Roles.Contributor), operation, Story(ArticleStatus.Draft, createdBy: Colleague)));

    [Fact]
    public async Task A_byline_makes_the_work_ones_own_as_much_as_having_started_it()
    {
        var article = Story(ArticleStatus.Draft, createdBy: Colleague, bylineUser: Me);

        Assert.True(await AllowsAsync(Person(Roles.Author), "Publish", article));
        Assert.True(await AllowsAsync(Person(Roles.Contributor), "Edit", article));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Someone_with_no_newsroom_role_may_do_nothing_even_to_their_own_work(string operation) =>
        Assert.False(await AllowsAsync(Person(role: null), operation, Story(ArticleStatus.Draft, createdBy: Me)));

    [Fact]
    public async Task Without_an_account_id_no_article_is_ones_own_not_even_one_nobody_started()
    {
        var orphan = Story(ArticleStatus.Draft, createdBy: null, bylineUser: null);

        Assert.False(await AllowsAsync(Person(Roles.Author, id: null), "Edit", orphan));
        Assert.False(ArticleAuthorizationHandler.IsOwnedBy(orphan, null));
    }

    [Theory]
    [InlineData(NewsroomAccess.Staff, "Contributor Author Editor Administrator")]
    [InlineData(NewsroomAccess.Authors, "Author Editor Administrator")]
    [InlineData(NewsroomAccess.Editors, "Editor Administrator")]
    [InlineData(NewsroomAccess.Administrators, "Administrator")]
    public async Task Each_newsroom_policy_admits_exactly_its_roles(string policy, string admitted)
    {
        var allowed = admitted.Split(' ');
        foreach (var role in Roles.All)
        {
            Assert.Equal(allowed.Contains(role), (await authorization.AuthorizeAsync(Person(role), policy)).Succeeded);
        }
        Assert.False((await authorization.AuthorizeAsync(Person(role: null), policy)).Succeeded);
    }

    public void Dispose() => services.Dispose();
}