using Microsoft.EntityFrameworkCore.Migrations;

namespace Herald.Storage.Migrations;

/// <summary>
/// The triggers that keep <see cref="Articles.ArchiveEntry"/> rows in step with the stories, written by
/// hand (EF Core cannot model triggers) and applied by each provider's Initial migration after its
/// tables. In triggers, not in Herald's save paths, so that no write can forget them: the newsroom,
/// the REST API, the WordPress import, demo seeding, bulk updates and raw SQL all go through them, in
/// the same transaction. The rules, the same on both engines:
/// <list type="bullet">
/// <item>A story is listed while its status is published (the time is kept, not checked: a scheduled
/// story waits in its rows until its time passes, and the queries compare it with the clock).</item>
/// <item>Its sections are its primary section and every section it is filed under, once each.</item>
/// <item>A change to an article's status, kind, date or primary section rewrites all its rows; adding
/// or removing a section, tag or byline link adds or removes that one row (a section that is still
/// the primary one stays).</item>
/// </list>
/// The migration also fills the table from the rows already there, so applying it to a database
/// with articles leaves nothing out. A test (ArchiveEntryTests) compares the rows with the rule on
/// both engines; MigrationSchemaTests checks the triggers exist.
/// </summary>
public static class ArchiveSchema
{
    private const string Columns = """ "Kind", "OwnerId", "ArticleId", "PublishedAt" """;

    /// <summary>Whether the article row <paramref name="a"/> is listed at all (the date is compared by the queries).</summary>
    private static string Listed(string a) => $"""{a}."Status" = 'Published' AND {a}."Kind" = 'Story' AND {a}."PublishedAt" IS NOT NULL""";

    /// <summary>The link tables: the archive kind, the table, its article and owner columns, and whether a removed link may still be the primary section.</summary>
    private static readonly (int Kind, string Name, string Table, string ArticleColumn, string OwnerColumn, bool Primary)[] Links =
    [
        (1, "Section", "ArticleCategories", "ArticlesId", "CategoriesId", true),
        (2, "Tag", "ArticleTags", "ArticlesId", "TagsId", false),
        (3, "Author", "ArticleAuthor", "ArticleId", "AuthorId", false),
    ];

    /// <summary>
    /// Every row the article <paramref name="a"/> should have, as one SELECT: of the trigger's row
    /// (<c>new</c>), or with <paramref name="everyArticle"/> of every article (the backfill).
    /// UNION, not UNION ALL: a primary section also filed as a section is one row.
    /// </summary>
    private static string RowsOf(string a, bool everyArticle = false)
    {
        var parts = new List<string>
        {
            $"""SELECT 1, {a}."PrimaryCategoryId", {a}."Id", {a}."PublishedAt" {(everyArticle ? $"FROM \"Articles\" {a} " : "")}WHERE {a}."PrimaryCategoryId" IS NOT NULL AND {Listed(a)}""",
        };
        foreach (var link in Links)
        {
            var select = $"""SELECT {link.Kind}, l."{link.OwnerColumn}", {a}."Id", {a}."PublishedAt" FROM "{link.Table}" l""";
            parts.Add(everyArticle
                ? $"""{select} JOIN "Articles" {a} ON {a}."Id" = l."{link.ArticleColumn}" WHERE {Listed(a)}"""
                : $"""{select} WHERE l."{link.ArticleColumn}" = {a}."Id" AND {Listed(a)}""");
        }
        return string.Join("\nUNION ", parts);
    }

    private static string LinkAdded((int Kind, string Name, string Table, string ArticleColumn, string OwnerColumn, bool Primary) link, string insert, string conflict) => $"""
        {insert} INTO "ArchiveEntries" ({Columns})
            SELECT {link.Kind}, new."{link.OwnerColumn}", a."Id", a."PublishedAt" FROM "Articles" a WHERE a."Id" = new."{link.ArticleColumn}" AND {Listed("a")}{conflict};
        """;

    private static string LinkRemoved((int Kind, string Name, string Table, string ArticleColumn, string OwnerColumn, bool Primary) link) => $"""
        DELETE FROM "ArchiveEntries" WHERE "Kind" = {link.Kind} AND "OwnerId" = old."{link.OwnerColumn}" AND "ArticleId" = old."{link.ArticleColumn}"
            {(link.Primary ? $"""AND NOT EXISTS (SELECT 1 FROM "Articles" a WHERE a."Id" = old."{link.ArticleColumn}" AND a."PrimaryCategoryId" = old."{link.OwnerColumn}")""" : "")};
        """;

    private const string WhenListingChanges = """
        old."Status" IS DISTINCT FROM new."Status" OR old."Kind" IS DISTINCT FROM new."Kind"
            OR old."PublishedAt" IS DISTINCT FROM new."PublishedAt" OR old."PrimaryCategoryId" IS DISTINCT FROM new."PrimaryCategoryId"
        """;

    /// <summary>The rows of the articles already there: for a database that had articles before this table.</summary>
    private static string Backfill(string insert, string conflict) => $"""{insert} INTO "ArchiveEntries" ({Columns}) {RowsOf("a", everyArticle: true)}{conflict};""";

    /// <summary>The backfill statement of one engine, for the test that checks it against the rule.</summary>
    public static string BackfillSql(bool postgres) => postgres ? Backfill("INSERT", " ON CONFLICT DO NOTHING") : Backfill("INSERT OR IGNORE", "");

    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(Backfill("INSERT OR IGNORE", ""));
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArchiveEntries_ArticleAdded" AFTER INSERT ON "Articles" BEGIN
                INSERT OR IGNORE INTO "ArchiveEntries" ({Columns}) {RowsOf("new")};
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArchiveEntries_ArticleChanged" AFTER UPDATE OF "Status", "Kind", "PublishedAt", "PrimaryCategoryId" ON "Articles"
            WHEN {WhenListingChanges.Replace("IS DISTINCT FROM", "IS NOT")} BEGIN
                DELETE FROM "ArchiveEntries" WHERE "ArticleId" = new."Id";
                INSERT OR IGNORE INTO "ArchiveEntries" ({Columns}) {RowsOf("new")};
            END;
            """);
        foreach (var link in Links)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArchiveEntries_{link.Name}Added" AFTER INSERT ON "{link.Table}" BEGIN
                    {LinkAdded(link, "INSERT OR IGNORE", "")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArchiveEntries_{link.Name}Removed" AFTER DELETE ON "{link.Table}" BEGIN
                    {LinkRemoved(link)}
                END;
                """);
        }
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in SqliteTriggers)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
        }
    }

    /// <summary>The SQLite triggers by name, for the schema test.</summary>
    public static IEnumerable<string> SqliteTriggers =>
        ["ArchiveEntries_ArticleAdded", "ArchiveEntries_ArticleChanged", .. Links.SelectMany(l => new[] { $"ArchiveEntries_{l.Name}Added", $"ArchiveEntries_{l.Name}Removed" })];

    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        const string conflict = " ON CONFLICT DO NOTHING";
        migrationBuilder.Sql(Backfill("INSERT", conflict));
        migrationBuilder.Sql($"""
            CREATE FUNCTION herald_archive_article() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    DELETE FROM "ArchiveEntries" WHERE "ArticleId" = new."Id";
                END IF;
                INSERT INTO "ArchiveEntries" ({Columns}) {RowsOf("new")}{conflict};
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "ArchiveEntries_ArticleAdded" AFTER INSERT ON "Articles"
                FOR EACH ROW EXECUTE FUNCTION herald_archive_article();
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArchiveEntries_ArticleChanged" AFTER UPDATE OF "Status", "Kind", "PublishedAt", "PrimaryCategoryId" ON "Articles"
                FOR EACH ROW WHEN ({WhenListingChanges}) EXECUTE FUNCTION herald_archive_article();
            """);
        foreach (var link in Links)
        {
            var function = $"herald_archive_{link.Name.ToLowerInvariant()}";
            migrationBuilder.Sql($"""
                CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        {LinkAdded(link, "INSERT", conflict)}
                    ELSE
                        {LinkRemoved(link)}
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ArchiveEntries_{link.Name}Changed" AFTER INSERT OR DELETE ON "{link.Table}"
                    FOR EACH ROW EXECUTE FUNCTION {function}();
                """);
        }
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        foreach (var link in Links)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "ArchiveEntries_{link.Name}Changed" ON "{link.Table}";""");
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS herald_archive_{link.Name.ToLowerInvariant()}();");
        }
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArchiveEntries_ArticleChanged" ON "Articles";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArchiveEntries_ArticleAdded" ON "Articles";""");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS herald_archive_article();");
    }
}