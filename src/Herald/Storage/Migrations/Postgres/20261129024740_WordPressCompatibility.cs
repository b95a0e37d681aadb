using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Herald.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WordPressCompatibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArticleId",
                table: "MediaItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "MediaItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Comments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Comment");

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Categories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyFormat",
                table: "Articles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Markdown");

            migrationBuilder.AddColumn<bool>(
                name: "IsSticky",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Articles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Story");

            migrationBuilder.CreateTable(
                name: "ImportedItems",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExternalId = table.Column<long>(type: "bigint", nullable: false),
                    HeraldId = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedItems", x => new { x.Source, x.Kind, x.ExternalId });
                });

            migrationBuilder.CreateTable(
                name: "LegacyRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: true),
                    TargetPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegacyRedirects_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_ArticleId",
                table: "MediaItems",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_ParentId",
                table: "Categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedItems_Kind_HeraldId",
                table: "ImportedItems",
                columns: new[] { "Kind", "HeraldId" });

            migrationBuilder.CreateIndex(
                name: "IX_LegacyRedirects_ArticleId",
                table: "LegacyRedirects",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_LegacyRedirects_Path",
                table: "LegacyRedirects",
                column: "Path",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Categories_Categories_ParentId",
                table: "Categories",
                column: "ParentId",
                principalTable: "Categories",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MediaItems_Articles_ArticleId",
                table: "MediaItems",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Categories_Categories_ParentId",
                table: "Categories");

            migrationBuilder.DropForeignKey(
                name: "FK_MediaItems_Articles_ArticleId",
                table: "MediaItems");

            migrationBuilder.DropTable(
                name: "ImportedItems");

            migrationBuilder.DropTable(
                name: "LegacyRedirects");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_ArticleId",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_Categories_ParentId",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "ArticleId",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "BodyFormat",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IsSticky",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Articles");
        }
    }
}