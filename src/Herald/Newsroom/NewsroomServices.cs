using Herald.Newsroom.Media;
using Herald.Newsroom.Publishing;
using Microsoft.AspNetCore.Authorization;

namespace Herald.Newsroom;

public static class NewsroomServices
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddNewsroomAccess();
        services.AddSingleton<IAuthorizationHandler, ArticleAuthorizationHandler>();
        services.AddScoped<ArticleFormApplier>();
        services.AddScoped<ArticlePublisher>();
        services.AddScoped<Notes.ArticleNotes>();
        services.AddScoped<Autosaver>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<Taxonomy.SiteChanges>();
        services.AddSingleton<ScheduleSignal>();
        services.AddHostedService<ScheduledPublisher>();
        services.AddScoped<Trash.ArticleTrash>();
        services.AddHostedService<Trash.TrashPurger>();
        return services;
    }
}