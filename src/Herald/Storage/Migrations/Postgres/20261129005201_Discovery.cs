using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Herald.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Discovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FeedFullText",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ArticleTerms",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTerms", x => new { x.ArticleId, x.Term });
                    table.ForeignKey(
                        name: "FK_ArticleTerms_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexedArticles",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Terms = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    IndexedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedArticles", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_IndexedArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelatedArticles",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    RelatedArticleId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedArticles", x => new { x.ArticleId, x.RelatedArticleId });
                    table.ForeignKey(
                        name: "FK_RelatedArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RelatedArticles_Articles_RelatedArticleId",
                        column: x => x.RelatedArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelatedOverrides",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    RelatedArticleId = table.Column<int>(type: "integer", nullable: false),
                    Pinned = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedOverrides", x => new { x.ArticleId, x.RelatedArticleId });
                    table.ForeignKey(
                        name: "FK_RelatedOverrides_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RelatedOverrides_Articles_RelatedArticleId",
                        column: x => x.RelatedArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TermFrequencies",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DocumentCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermFrequencies", x => x.Term);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTerms_Term_Weight",
                table: "ArticleTerms",
                columns: new[] { "Term", "Weight" });

            migrationBuilder.CreateIndex(
                name: "IX_RelatedArticles_RelatedArticleId",
                table: "RelatedArticles",
                column: "RelatedArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_RelatedOverrides_RelatedArticleId",
                table: "RelatedOverrides",
                column: "RelatedArticleId");
            // Full-text search: a stored generated tsvector (headline A, dek B, body C) with a GIN
            // index, so the database updates it in the same statement as the article. The
            // configuration folds accents (unaccent, shipped with Debian's postgresql) before
            // English stemming; to_tsvector(regconfig, text) is immutable, as a generated column needs.
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
                    setweight(to_tsvector('herald_search', coalesce("Dek", '')), 'B') ||
                    setweight(to_tsvector('herald_search', coalesce("BodyMarkdown", '')), 'C')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleTerms");

            migrationBuilder.DropTable(
                name: "IndexedArticles");

            migrationBuilder.DropTable(
                name: "RelatedArticles");

            migrationBuilder.DropTable(
                name: "RelatedOverrides");

            migrationBuilder.DropTable(
                name: "TermFrequencies");

            migrationBuilder.DropColumn(
                name: "FeedFullText",
                table: "SiteSettings");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS herald_search;");
        }
    }
}