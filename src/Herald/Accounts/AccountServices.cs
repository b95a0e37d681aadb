using Herald.Storage;
using Microsoft.AspNetCore.Identity;

namespace Herald.Accounts;

public static class AccountServices
{
    public static IServiceCollection AddHeraldAccounts(this IServiceCollection services)
    {
        services.AddIdentity<HeraldUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                // Failed sign-ins slow down through LoginThrottle, never lock: a lock is the attacker's to set.
                // Lockout stays on so an administrator can lock an account by hand.
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<HeraldDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "herald.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/newsroom/login";
            cookie.AccessDeniedPath = "/error/403";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            // A forbidden action answers 403 with Herald's error page, not a redirect that hides it.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "herald.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // A changed role or a locked account takes effect within a minute, not at the next sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<UserAccounts>();
        // Throttle counts live in the distributed cache: memory here; a Redis cache registered later replaces it.
        services.AddDistributedMemoryCache();
        services.AddOptions<LoginThrottleOptions>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginDevices>();
        services.AddSingleton<StandInPassword>();
        services.AddSingleton<LoginMetrics>();
        services.AddScoped<StaffSignIn>();
        return services;
    }
}