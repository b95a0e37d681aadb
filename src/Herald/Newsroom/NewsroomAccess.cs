using Herald.Accounts;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Herald.Newsroom;

/// <summary>
/// Who may enter the newsroom and do what. Every page under /newsroom requires a signed-in
/// account; pages and actions that need more name a policy, checked on the server.
/// </summary>
public static class NewsroomAccess
{
    /// <summary>Any newsroom role: Contributor and up.</summary>
    public const string Staff = "newsroom.staff";

    /// <summary>Authors, editors and administrators: publish their own work and upload media.</summary>
    public const string Authors = "newsroom.authors";

    /// <summary>Editors and administrators: edit and publish everything, moderate comments.</summary>
    public const string Editors = "newsroom.editors";

    /// <summary>Administrators only: users and settings.</summary>
    public const string Administrators = "newsroom.administrators";

    public static IServiceCollection AddNewsroomAccess(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Authors, policy => policy.RequireRole(Roles.Author, Roles.Editor, Roles.Administrator))
            .AddPolicy(Editors, policy => policy.RequireRole(Roles.Editor, Roles.Administrator))
            .AddPolicy(Administrators, policy => policy.RequireRole(Roles.Administrator));
        return services;
    }

    public static void AddNewsroomConventions(this PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Newsroom", Staff);
        conventions.AllowAnonymousToPage("/Newsroom/Pages/Login");
        conventions.AuthorizeFolder("/Newsroom/Taxonomy", Editors);
        conventions.AuthorizeFolder("/Newsroom/Administration", Administrators);
        // Newsroom pages hold unpublished words and per-person tokens: no cache may keep them.
        conventions.AddFolderApplicationModelConvention("/Newsroom", page =>
            page.Filters.Add(new Microsoft.AspNetCore.Mvc.ResponseCacheAttribute { NoStore = true, Location = Microsoft.AspNetCore.Mvc.ResponseCacheLocation.None }));
    }
}