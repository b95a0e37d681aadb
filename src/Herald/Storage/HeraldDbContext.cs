using Herald.Accounts;
using Herald.Articles;
using Herald.Comments;
using Herald.Discovery.Related;
using Herald.Site;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Storage;

/// <summary>
/// The one model of Herald's data. Each provider has a subclass only so that it can own
/// its own migrations (SQLite and PostgreSQL DDL differ); the model itself is shared.
/// </summary>
public abstract class HeraldDbContext(DbContextOptions options) : IdentityDbContext<HeraldUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<OldSlug> OldSlugs => Set<OldSlug>();
    public DbSet<ArchiveEntry> ArchiveEntries => Set<ArchiveEntry>();
    public DbSet<ArticleNote> ArticleNotes => Set<ArticleNote>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<Site.Breaking.BreakingNews> BreakingNews => Set<Site.Breaking.BreakingNews>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SpamToken> SpamTokens => Set<SpamToken>();
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();
    public DbSet<Newsroom.Revisions.ArticleRevision> ArticleRevisions => Set<Newsroom.Revisions.ArticleRevision>();
    public DbSet<Media.MediaItem> MediaItems => Set<Media.MediaItem>();

    /// <summary>The files of the database media store (originals and renditions), when the site uses it.</summary>
    public DbSet<Media.MediaFile> MediaFiles => Set<Media.MediaFile>();

    /// <summary>The Data Protection key ring every node of the site shares (<see cref="DataProtectionKeys"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ArticleTerm> ArticleTerms => Set<ArticleTerm>();
    public DbSet<TermFrequency> TermFrequencies => Set<TermFrequency>();
    public DbSet<IndexedArticle> IndexedArticles => Set<IndexedArticle>();
    public DbSet<RelatedArticle> RelatedArticles => Set<RelatedArticle>();
    public DbSet<RelatedOverride> RelatedOverrides => Set<RelatedOverride>();
    public DbSet<WordPress.ImportedItem> ImportedItems => Set<WordPress.ImportedItem>();
    public DbSet<WordPress.LegacyRedirect> LegacyRedirects => Set<WordPress.LegacyRedirect>();
    public DbSet<Site.Menus.Menu> Menus => Set<Site.Menus.Menu>();
    public DbSet<Site.Menus.MenuItem> MenuItems => Set<Site.Menus.MenuItem>();

    /// <summary>
    /// The entries of <typeparamref name="T"/> this context tracks, as it last knew them:
    /// <see cref="Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker.Entries{TEntity}"/> first compares every
    /// tracked entity with its snapshot, which in a long batch (an import's analysis) costs more than
    /// the work itself. Good for finding rows added or loaded earlier; a state set only by a
    /// property change not yet saved may still read Unchanged.
    /// </summary>
    public List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<T>> TrackedEntries<T>() where T : class
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. ChangeTracker.Entries<T>()];
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Inserts new rows many to a statement, untracked, where nothing needs the ids the database
    /// gives them: SaveChanges on SQLite sends one statement per row, and an import's analysis writes
    /// some sixty rows a story (terms, figures, quotes, related rows). Every mapped column but a
    /// generated key is written, through the model's value conversions.
    /// </summary>
    public async Task InsertRowsAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never && p.PropertyInfo is not null).ToList();
        var sql = this.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        // Well under SQLite's and PostgreSQL's limits on parameters per statement.
        var perStatement = Math.Max(1, 900 / columns.Count);
        await using var maker = Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var text = new System.Text.StringBuilder(head);
            var parameters = new List<object>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var column in columns)
                {
                    var value = column.PropertyInfo!.GetValue(row);
                    if (value is not null && column.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    var parameter = maker.CreateParameter();
                    parameter.Value = value ?? DBNull.Value;
                    // {n} becomes the parameter's name in ExecuteSqlRawAsync; no value is spliced into SQL.
                    text.Append(column == columns[0] ? "" : ", ").Append('{').Append(parameters.Count).Append('}');
                    parameters.Add(parameter);
                }
                text.Append(')');
            }
            await Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HeraldDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime in Herald is UTC; reading it back must say so.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteHeraldDbContext(DbContextOptions<SqliteHeraldDbContext> options) : HeraldDbContext(options)
{
    /// <summary>A server's or a bulk command's context: its scope's connection, kept open with its prepared statements.</summary>
    internal SqliteHeraldDbContext(DbContextOptions<SqliteHeraldDbContext> options, SqliteConnectionLease lease)
        : this(options) => Lease = lease;

    /// <summary>The scope's lease (<see cref="OpenSqliteConnections"/>); none for a context made by hand with its own options.</summary>
    internal SqliteConnectionLease? Lease { get; }
}

public sealed class PostgresHeraldDbContext(DbContextOptions<PostgresHeraldDbContext> options) : HeraldDbContext(options);