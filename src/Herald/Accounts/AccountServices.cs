using Herald.Accounts.Mail;
using Herald.Accounts.PasswordReset;
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
            // A disabled account or a changed password ends its sessions at their next request.
            var checkStamp = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = context => SessionCheck.ValidateAsync(context, checkStamp);
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
        // Identity's own check (which also reloads the roles) keeps its minute; SessionCheck looks at the stamp on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // A reset link lives two hours: long enough to reach a mailbox and be read, short enough to go stale in it.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApplicationPasswords.ApplicationPasswords>();
        // Throttle counts live in the distributed cache: memory here; a Redis cache registered later replaces it.
        services.AddDistributedMemoryCache();
        services.AddOptions<LoginThrottleOptions>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginDevices>();
        services.AddSingleton<StandInPassword>();
        services.AddSingleton<LoginMetrics>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<TwoFactorSignIn>();
        services.AddScoped<AuthenticatorSetup>();
        services.AddScoped<PasswordResets>();
        services.AddOptions<ResetRequestThrottleOptions>();
        services.AddSingleton<ResetRequestThrottle>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<MailOutbox>());
        return services;
    }
}