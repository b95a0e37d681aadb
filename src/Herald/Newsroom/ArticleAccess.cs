using System.Security.Claims;
using Herald.Accounts;
using Herald.Articles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Herald.Newsroom;

/// <summary>
/// What a person may do with one article, decided from their role and whether the article is
/// theirs (they started it or are on its byline), in the manner of WordPress's roles.
/// </summary>
public static class ArticleOperations
{
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Publish, schedule and unpublish.</summary>
    public static readonly OperationAuthorizationRequirement Publish = new() { Name = nameof(Publish) };

    /// <summary>Move to the trash, and bring back from it: nothing is lost.</summary>
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };

    /// <summary>Remove a trashed story and its history for good; editors only.</summary>
    public static readonly OperationAuthorizationRequirement DeleteForever = new() { Name = nameof(DeleteForever) };

    /// <summary>Put other people's names on the byline.</summary>
    public static readonly OperationAuthorizationRequirement ChooseAuthors = new() { Name = nameof(ChooseAuthors) };
}

public sealed class ArticleAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Article>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement operation, Article article)
    {
        if (Allows(context.User, operation, article))
        {
            context.Succeed(operation);
        }
        return Task.CompletedTask;
    }

    public static bool Allows(ClaimsPrincipal user, OperationAuthorizationRequirement operation, Article article)
    {
        if (IsEditor(user))
        {
            return true;
        }
        var own = IsOwnedBy(article, user.FindFirstValue(ClaimTypes.NameIdentifier));
        // A trashed story is judged as it stood before: a contributor cannot bring back a story that was live.
        var standing = article.Status == ArticleStatus.Trashed ? article.StatusBeforeTrash ?? ArticleStatus.Draft : article.Status;
        var live = standing is ArticleStatus.Published or ArticleStatus.Scheduled;
        if (operation == ArticleOperations.DeleteForever)
        {
            return false;
        }
        if (user.IsInRole(Roles.Author))
        {
            return own && operation != ArticleOperations.ChooseAuthors;
        }
        if (user.IsInRole(Roles.Contributor))
        {
            // A contributor writes and submits; once an article is live it belongs to the editors.
            return own && !live && (operation == ArticleOperations.Edit || operation == ArticleOperations.Delete);
        }
        return false;
    }

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Administrator);

    public static bool IsOwnedBy(Article article, string? userId) =>
        userId is not null && (article.CreatedByUserId == userId || article.Authors.Any(b => b.Author?.UserId == userId));
}