using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Herald.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PrimaryCategoryId_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PrimaryCategoryId_PublishedAt_Kind",
                table: "Articles",
                columns: new[] { "Status", "PrimaryCategoryId", "PublishedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt_Kind",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PrimaryCategoryId_PublishedAt_Kind",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishedAt_Kind",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PrimaryCategoryId_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PrimaryCategoryId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt" });
        }
    }
}