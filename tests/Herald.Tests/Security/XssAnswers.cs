using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Herald.Tests.Security;

/// <summary>
/// Serves each refusal Herald answered to a form (<see cref="XssAnswer"/>) at its own address on
/// Herald's server, with the very status, headers (the content policy among them) and body Herald
/// sent: the page the person who typed the payload saw, loadable like any other. Ahead of Herald's
/// pipeline, it answers only its own paths; the browser needs no routing, which would turn its
/// cache off and pass every style sheet and script of the tab through the driver.
/// </summary>
public sealed class XssAnswers : IStartupFilter
{
    private readonly ConcurrentDictionary<string, XssAnswer> answers = new(StringComparer.Ordinal);

    public void Add(XssAnswer answer) => answers[answer.Path] = answer;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, rest) =>
        {
            if (!answers.TryGetValue(context.Request.Path.Value ?? "", out var answer))
            {
                await rest();
                return;
            }
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }
            await context.Response.WriteAsync(answer.Body);
        });
        next(app);
    };
}