using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Lets a test speak for a client at an address loopback cannot give it (an IPv6 neighbour in the
/// same /64, say) through Herald's real pipeline: a request carrying the header has its
/// connection's remote address set from it before any of Herald's middleware runs. Only fixtures
/// that register it accept the header.
/// </summary>
public sealed class SimulatedClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, SimulatedClientAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}