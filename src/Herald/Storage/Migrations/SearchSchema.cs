using Microsoft.EntityFrameworkCore.Migrations;

namespace Herald.Storage.Migrations;

/// <summary>
/// The full-text search structures EF Core cannot describe in the model, written by hand and
/// applied by each provider's Initial migration. They live here, not inside a generated
/// migration, so that squashing or regenerating migrations cannot silently drop them; a test
/// (MigrationSchemaTests) checks that they exist after migrating an empty database.
/// </summary>
public static class SearchSchema
{
    /// <summary>
    /// SQLite: FTS5 with the Articles table as external content, kept in step by triggers so
    /// every write to an article (whoever makes it) updates the index in the same transaction.
    /// Drafts are indexed too; queries keep only published rows. A story with a reader password is
    /// indexed by its headline alone: its dek and body must not be findable (or a search for a word
    /// would tell whether a locked story holds it) until the password is removed. The delete side
    /// of each trigger repeats the insert's values exactly, as an external-content index requires.
    /// A later migration that rebuilds the Articles table (SQLite does for many column changes)
    /// must call this again.
    /// </summary>
    public static void CreateSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                "Headline", "Dek", "BodyMarkdown",
                content='Articles', content_rowid='Id',
                tokenize='porter unicode61 remove_diacritics 2');
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArticleSearch_Insert" AFTER INSERT ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"(rowid, "Headline", "Dek", "BodyMarkdown") VALUES (new."Id", new."Headline", {Open("new", "Dek")}, {Open("new", "BodyMarkdown")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArticleSearch_Delete" AFTER DELETE ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Headline", "Dek", "BodyMarkdown") VALUES ('delete', old."Id", old."Headline", {Open("old", "Dek")}, {Open("old", "BodyMarkdown")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "ArticleSearch_Update" AFTER UPDATE OF "Headline", "Dek", "BodyMarkdown", "Password" ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Headline", "Dek", "BodyMarkdown") VALUES ('delete', old."Id", old."Headline", {Open("old", "Dek")}, {Open("old", "BodyMarkdown")});
                INSERT INTO "ArticleSearch"(rowid, "Headline", "Dek", "BodyMarkdown") VALUES (new."Id", new."Headline", {Open("new", "Dek")}, {Open("new", "BodyMarkdown")});
            END;
            """);
        // Search filters the matches by status, date and section: this covering index answers
        // that without reading article rows, whose bodies would otherwise be read too.
        migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchFilter" ON "Articles" ("Id", "Status", "PublishedAt", "PrimaryCategoryId");""");
    }

    /// <summary>A column of the row <paramref name="row"/> (new or old) as the index sees it: empty while the story is locked.</summary>
    private static string Open(string row, string column) => $"""CASE WHEN {row}."Password" IS NULL THEN {row}."{column}" ELSE NULL END""";

    public static void DropSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchFilter";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Update";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Delete";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Insert";""");
        migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
    }

    /// <summary>
    /// PostgreSQL: a stored generated tsvector (headline A, dek B, body C; the headline alone for a
    /// story with a reader password) with a GIN index, so the database updates it in the same
    /// statement as the article. The configuration folds
    /// accents (unaccent, shipped with Debian's postgresql) before English stemming;
    /// to_tsvector(regconfig, text) is immutable, as a generated column needs.
    /// </summary>
    public static void CreatePostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'herald_search') THEN
                    CREATE TEXT SEARCH CONFIGURATION herald_search (COPY = english);
                    ALTER TEXT SEARCH CONFIGURATION herald_search
                        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, english_stem;
                END IF;
            END $$;
            """);
        migrationBuilder.Sql("""
            ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('herald_search', coalesce("Headline", '')), 'A') ||
                setweight(to_tsvector('herald_search', CASE WHEN "Password" IS NULL THEN coalesce("Dek", '') ELSE '' END), 'B') ||
                setweight(to_tsvector('herald_search', CASE WHEN "Password" IS NULL THEN coalesce("BodyMarkdown", '') ELSE '' END), 'C')) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
        // The headline and dek part of SearchVector on its own (same expression, same positions),
        // a few hundred bytes kept in the row: search asks it whether a match's headline or dek
        // holds a query word, and how high it ranks at least, without reading the whole vector.
        migrationBuilder.Sql("""
            ALTER TABLE "Articles" ADD COLUMN "HeadlineVector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('herald_search', coalesce("Headline", '')), 'A') ||
                setweight(to_tsvector('herald_search', CASE WHEN "Password" IS NULL THEN coalesce("Dek", '') ELSE '' END), 'B')) STORED;
            """);
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "HeadlineVector";""");
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchVector";""");
        migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
        migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS herald_search;");
    }
}