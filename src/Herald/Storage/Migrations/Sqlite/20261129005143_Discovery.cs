using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Herald.Storage.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ArticleTerms",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
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
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    IndexedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Term = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false)
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
            // Full-text search: FTS5 with the Articles table as external content, kept in step by
            // triggers so that every write to an article (whoever makes it) updates the index in
            // the same transaction. Drafts are indexed too; queries keep only published rows.
            // Note: a later migration that rebuilds the Articles table must recreate these triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Headline", "Dek", "BodyMarkdown",
                    content='Articles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_Insert" AFTER INSERT ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"(rowid, "Headline", "Dek", "BodyMarkdown") VALUES (new."Id", new."Headline", new."Dek", new."BodyMarkdown");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_Delete" AFTER DELETE ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Headline", "Dek", "BodyMarkdown") VALUES ('delete', old."Id", old."Headline", old."Dek", old."BodyMarkdown");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleSearch_Update" AFTER UPDATE OF "Headline", "Dek", "BodyMarkdown" ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Headline", "Dek", "BodyMarkdown") VALUES ('delete', old."Id", old."Headline", old."Dek", old."BodyMarkdown");
                    INSERT INTO "ArticleSearch"(rowid, "Headline", "Dek", "BodyMarkdown") VALUES (new."Id", new."Headline", new."Dek", new."BodyMarkdown");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
            // Search filters the matches by status, date and section: this covering index answers
            // that without reading article rows, whose bodies would otherwise be read too.
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchFilter" ON "Articles" ("Id", "Status", "PublishedAt", "PrimaryCategoryId");""");
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
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchFilter";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArticleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}