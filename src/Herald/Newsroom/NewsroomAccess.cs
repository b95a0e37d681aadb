using Herald.Accounts;

namespace Herald.Newsroom;

/// <summary>
/// Who may enter the newsroom and do what: the roles as authorization policies, in this one
/// place. Every endpoint under /newsroom requires <see cref="Staff"/> (<see cref="NewsroomArea"/>);
/// pages, endpoints and buttons that need more name one of the others, and code asks
/// <see cref="Microsoft.AspNetCore.Authorization.IAuthorizationService"/> rather than testing roles.
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
}