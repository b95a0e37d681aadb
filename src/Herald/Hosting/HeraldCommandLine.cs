using Herald.Accounts;
using Herald.Demo;
using Herald.Storage;
using Herald.Understanding;

namespace Herald.Hosting;

/// <summary>The herald executable: one verb per line of the command line the README lists.</summary>
public static class HeraldCommandLine
{
    private const string Usage = """
        Usage:
          herald serve [--urls URL] [--db CONNECTION] [--demo] [--redis CONFIGURATION] [--no-output-cache]
          herald user add EMAIL --role Administrator|Editor|Author|Contributor [--password P] [--name NAME] [--db CONNECTION]
          herald analyze FILE [--json]
          herald import wxr FILE [--media DIR] [--skip-analysis] [--db CONNECTION]
          herald export wxr FILE [--site-url URL] [--db CONNECTION]

        --db takes "Data Source=FILE" (SQLite) or "Host=...;Database=..." (PostgreSQL);
        without it, HERALD_DB, then SQLite in ./data/herald.db.
        """;

    private static readonly HashSet<string> Switches = ["demo", "json", "no-output-cache", "help", "skip-analysis"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var parsed = CommandLineArguments.Parse(args, Switches);
            return parsed.Words.FirstOrDefault() switch
            {
                "serve" => await ServeAsync(parsed),
                "user" when parsed.Words.ElementAtOrDefault(1) == "add" => await AddUserAsync(parsed),
                "analyze" => await AnalyzeCommand.RunAsync(parsed),
                "import" => await WordPress.Import.ImportCommand.RunAsync(parsed),
                "export" => await WordPress.Export.ExportCommand.RunAsync(parsed),
                null when parsed.Has("help") => PrintUsage(Console.Out, 0),
                "help" => PrintUsage(Console.Out, 0),
                _ => PrintUsage(Console.Error, 2),
            };
        }
        catch (Exception e) when (e is CommandLineException or DatabaseConfigurationException or AccountException or IOException)
        {
            await Console.Error.WriteLineAsync($"herald: {e.Message}");
            return e is CommandLineException ? 2 : 1;
        }
    }

    private static async Task<int> ServeAsync(CommandLineArguments args)
    {
        args.AllowOnly("urls", "db", "demo", "redis", "no-output-cache");
        var options = new ServeOptions
        {
            Database = DatabaseConnection.Resolve(args.Get("db")),
            Urls = args.Get("urls") ?? "http://127.0.0.1:5000",
            Demo = args.Has("demo"),
            Redis = args.Get("redis"),
            OutputCache = !args.Has("no-output-cache"),
        };
        // Fail before anything starts, with the folder named, rather than halfway through start-up.
        DatabaseInitializer.EnsureWritableFolder(options.MediaFolder);
        var app = HeraldServer.Build(options);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (options.Demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync(CancellationToken.None);
        }
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> AddUserAsync(CommandLineArguments args)
    {
        args.AllowOnly("role", "password", "name", "db");
        var email = args.Words.ElementAtOrDefault(2) ?? throw new CommandLineException("user add needs an e-mail address.");
        var role = args.Get("role") ?? throw new CommandLineException("user add needs --role.");
        var options = new ServeOptions { Database = DatabaseConnection.Resolve(args.Get("db")) };
        await using var app = HeraldServer.Build(options, quiet: true);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var created = await accounts.AddAsync(email, role, args.Get("password"), args.Get("name"), CancellationToken.None);
        Console.WriteLine($"Added {created.User.Email} as {Roles.Normalize(role)}.");
        if (created.GeneratedPassword is { } password)
        {
            Console.WriteLine($"Password: {password}");
        }
        return 0;
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }
}