using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Herald.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RelatedCandidateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EntityMention_EntityId",
                table: "EntityMention");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTerms_Term_Weight",
                table: "ArticleTerms");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags");

            migrationBuilder.CreateIndex(
                name: "IX_EntityMention_EntityId_ArticleId",
                table: "EntityMention",
                columns: new[] { "EntityId", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTerms_Term_Weight_ArticleId",
                table: "ArticleTerms",
                columns: new[] { "Term", "Weight", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags",
                columns: new[] { "TagsId", "ArticlesId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EntityMention_EntityId_ArticleId",
                table: "EntityMention");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTerms_Term_Weight_ArticleId",
                table: "ArticleTerms");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags");

            migrationBuilder.CreateIndex(
                name: "IX_EntityMention_EntityId",
                table: "EntityMention",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTerms_Term_Weight",
                table: "ArticleTerms",
                columns: new[] { "Term", "Weight" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags",
                column: "TagsId");
        }
    }
}