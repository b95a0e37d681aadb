using Herald.Accounts;
using Herald.Demo;
using Herald.Hosting.Configuration;
using Herald.Storage;
using Herald.Understanding;

namespace Herald.Hosting;

/// <summary>The herald executable: one verb per line of the command line the README lists.</summary>
public static class HeraldCommandLine
{
    private const string Usage = """
        Usage:
          herald serve [--urls URL] [--db CONNECTION] [--demo] [--redis CONFIGURATION] [--no-output-cache]
                       [--public-url URL] [--trusted-proxies LIST] [--media-folder DIR] [--media-store folder|database]
                       [--https-cert FILE [--https-key FILE] [--https-cert-password P]]
                       [--metrics-urls URL] [--log-format text|json]
                       [--smtp-host HOST [--smtp-port N] [--smtp-tls starttls|tls|none] --smtp-from ADDRESS
                        [--smtp-user U --smtp-password P]]
          herald user add EMAIL --role Administrator|Editor|Author|Contributor [--password P] [--name NAME] [--db CONNECTION]
          herald user reset-password EMAIL [--password P | --link [--public-url URL]] [--db CONNECTION]
                       (without --password or --link, the new password is read from standard input)
          herald analyze FILE [--json]
          herald import wxr FILE [--media DIR | --fetch-media [--fetch-timeout SECONDS]] [--skip-analysis] [--db CONNECTION] [--media-store folder|database]
          herald export wxr FILE [--site-url URL] [--db CONNECTION]
          herald backup FILE [--db CONNECTION] [--media-folder DIR]
          herald restore FILE [--db CONNECTION] [--media-folder DIR] [--force]

        --db takes "Data Source=FILE" (SQLite) or "Host=...;Database=..." (PostgreSQL);
        without it, HERALD_DB, then SQLite in ./data/herald.db. Every serve flag has a
        HERALD_ environment variable (--public-url: HERALD_PUBLIC_URL); see docs/operations.md.
        """;

    private static readonly HashSet<string> Switches = ["demo", "json", "no-output-cache", "help", "skip-analysis", "fetch-media", "force", "link"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var parsed = CommandLineArguments.Parse(args, Switches);
            return parsed.Words.FirstOrDefault() switch
            {
                "serve" => await ServeAsync(parsed),
                "user" when parsed.Words.ElementAtOrDefault(1) == "add" => await AddUserAsync(parsed),
                "user" when parsed.Words.ElementAtOrDefault(1) == "reset-password" => await Accounts.CommandLine.ResetPasswordCommand.RunAsync(parsed),
                "analyze" => await AnalyzeCommand.RunAsync(parsed),
                "import" => await WordPress.Import.ImportCommand.RunAsync(parsed),
                "export" => await WordPress.Export.ExportCommand.RunAsync(parsed),
                "backup" => await Storage.Backup.BackupCommand.BackupAsync(parsed),
                "restore" => await Storage.Backup.BackupCommand.RestoreAsync(parsed),
                null when parsed.Has("help") => PrintUsage(Console.Out, 0),
                "help" => PrintUsage(Console.Out, 0),
                _ => PrintUsage(Console.Error, 2),
            };
        }
        catch (Exception e) when (e is CommandLineException or SettingException or Storage.Backup.BackupException or DatabaseConfigurationException or AccountException or IOException)
        {
            await Console.Error.WriteLineAsync($"herald: {e.Message}");
            // 2: fix the command or the settings; 1: something failed that may pass (a database still starting).
            return e is CommandLineException or SettingException ? 2 : 1;
        }
    }

    private static async Task<int> ServeAsync(CommandLineArguments args)
    {
        var options = ServeSettings.Read(args, Environment.GetEnvironmentVariable,
            Environment.GetEnvironmentVariables().Keys.Cast<string>());
        // Fail before anything starts, with the folder named, rather than halfway through start-up.
        try
        {
            if (options.MediaStore == Media.MediaStoreKind.Folder)
            {
                DatabaseInitializer.EnsureWritableFolder(options.MediaFolder);
            }
        }
        catch (DatabaseConfigurationException e) when (options.ConfiguredMediaFolder is not null)
        {
            throw new SettingException(ServeSettings.MediaFolder, e.Message);
        }
        var app = HeraldServer.Build(options);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        DataProtectionKeys.EnsureKey(app.Services);
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