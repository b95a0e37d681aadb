using System.Globalization;
using Herald.Hosting;
using Herald.Hosting.Configuration;

namespace Herald.Storage.Backup;

/// <summary>herald backup FILE and herald restore FILE: SQLite sites only; PostgreSQL has its own tools.</summary>
public static class BackupCommand
{
    private const string PostgresAdvice =
        "PostgreSQL sites are backed up with PostgreSQL's own tools: pg_dump --format=custom --file=herald.dump DATABASE, "
        + "restored with pg_restore --clean --if-exists --dbname=DATABASE herald.dump, with the media folder copied beside it "
        + "(media kept in the database, --media-store database, are in the dump) (docs/operations.md, Backup).";

    public static async Task<int> BackupAsync(CommandLineArguments args)
    {
        args.AllowOnly("db", "media-folder");
        var archive = args.Words.ElementAtOrDefault(1) ?? throw new CommandLineException("backup needs the file to write, e.g. herald backup site.tar.gz.");
        var (file, media) = Site(args, "backup");
        var manifest = await new SiteBackup(file, media).WriteAsync(archive, CancellationToken.None);
        var inside = manifest.DatabaseMediaFiles > 0 ? $", with {manifest.DatabaseMediaFiles} media files inside it" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {file} ({manifest.DatabaseBytes / 1024} KB, migration {manifest.Migration ?? "none"}{inside}) and {manifest.MediaFiles} media files to {archive}."));
        return 0;
    }

    public static async Task<int> RestoreAsync(CommandLineArguments args)
    {
        args.AllowOnly("db", "media-folder", "force");
        var archive = args.Words.ElementAtOrDefault(1) ?? throw new CommandLineException("restore needs the backup file, e.g. herald restore site.tar.gz.");
        var (file, media) = Site(args, "restore");
        var manifest = await new SiteRestore(file, media).RestoreAsync(archive, args.Has("force"), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Restored the backup of {manifest.CreatedAt:u} ({manifest.MediaFiles} media files) into {file}. Start Herald: it applies any newer migrations."));
        return 0;
    }

    private static (string DatabaseFile, string MediaFolder) Site(CommandLineArguments args, string verb)
    {
        var database = DatabaseConnection.Resolve(args.Get("db"));
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            throw new BackupException($"herald {verb} works on SQLite sites. {PostgresAdvice}");
        }
        var file = database.SqliteFile ?? throw new BackupException("An in-memory database has nothing to back up.");
        var media = ServeSettings.MediaFolder.Read(args, Environment.GetEnvironmentVariable) is { } configured
            ? Path.GetFullPath(configured)
            : ServeOptions.DefaultMediaFolder(database);
        return (file, media);
    }
}