using System.Text;
using Herald.Accounts.PasswordReset;
using Herald.Hosting;
using Herald.Hosting.Configuration;
using Herald.Storage;
using Microsoft.AspNetCore.Identity;

namespace Herald.Accounts.CommandLine;

/// <summary>
/// herald user reset-password EMAIL: the way back in when nobody can sign in, or the site sends
/// no mail. It sets the new password read from standard input (or --password), or with --link
/// prints a reset link that works once, as the site's own mail would.
/// </summary>
public static class ResetPasswordCommand
{
    public static async Task<int> RunAsync(CommandLineArguments args)
    {
        args.AllowOnly("password", "link", "public-url", "db");
        var email = args.Words.ElementAtOrDefault(2) ?? throw new CommandLineException("user reset-password needs an e-mail address.");
        var asLink = args.Has("link");
        if (asLink && args.Has("password"))
        {
            throw new CommandLineException("Give --password or --link, not both.");
        }
        var origin = asLink ? PublicOrigin(args) : null;
        var password = asLink ? null : args.Get("password") ?? ReadPassword();

        var options = new ServeOptions { Database = DatabaseConnection.Resolve(args.Get("db")) };
        await using var app = HeraldServer.Build(options, quiet: true);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new AccountException($"There is no account for {email}.");

        if (origin is not null)
        {
            var resets = scope.ServiceProvider.GetRequiredService<PasswordResets>();
            Console.WriteLine(await resets.LinkAsync(user, origin));
            Console.WriteLine($"The link works once, for {Waits.Describe(resets.Lifetime)}, on a Herald that shares this machine's data-protection keys.");
        }
        else
        {
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password!);
            if (!result.Succeeded)
            {
                throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            Console.WriteLine($"The password of {user.Email} is changed; its sessions have ended.");
        }
        if (AccountStatus.IsDisabled(user, DateTimeOffset.UtcNow))
        {
            Console.WriteLine("The account is disabled: an administrator enables it on the Users page before it can sign in.");
        }
        return 0;
    }

    private static string PublicOrigin(CommandLineArguments args)
    {
        var value = args.Get("public-url") ?? Environment.GetEnvironmentVariable(ServeSettings.PublicUrl.Variable);
        var url = ServeSettings.ReadPublicUrl(string.IsNullOrEmpty(value) ? null : value)
            ?? throw new CommandLineException($"--link needs the address readers use: --public-url or {ServeSettings.PublicUrl.Variable}, e.g. https://news.example.org.");
        return url.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>One line from standard input; typed at a terminal, it is not echoed.</summary>
    private static string ReadPassword()
    {
        string? line;
        if (Console.IsInputRedirected)
        {
            line = Console.In.ReadLine();
        }
        else
        {
            Console.Error.Write("New password: ");
            var typed = new StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }
            Console.Error.WriteLine();
            line = typed.ToString();
        }
        return string.IsNullOrEmpty(line)
            ? throw new CommandLineException("user reset-password needs the new password: one line on standard input, or --password, or --link for a reset link.")
            : line;
    }
}