-- The bench databases predate the archive index: its table, indexes and the backfill (the same rows as ArchiveSchema.cs), for EXPLAIN and HTTP timing. Not the triggers.
\timing on
CREATE TABLE IF NOT EXISTS "ArchiveEntries" ("Kind" integer NOT NULL, "OwnerId" integer NOT NULL, "ArticleId" integer NOT NULL, "PublishedAt" timestamp with time zone NOT NULL,
  CONSTRAINT "PK_ArchiveEntries" PRIMARY KEY ("Kind","OwnerId","ArticleId"),
  CONSTRAINT "FK_ArchiveEntries_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles"("Id") ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS "IX_ArchiveEntries_ArticleId" ON "ArchiveEntries" ("ArticleId");
CREATE INDEX IF NOT EXISTS "IX_ArchiveEntries_List" ON "ArchiveEntries" ("Kind","OwnerId","PublishedAt","ArticleId");
TRUNCATE "ArchiveEntries";
INSERT INTO "ArchiveEntries" ("Kind","OwnerId","ArticleId","PublishedAt")
SELECT 1, a."PrimaryCategoryId", a."Id", a."PublishedAt" FROM "Articles" a WHERE a."PrimaryCategoryId" IS NOT NULL AND a."Status" = 'Published' AND a."Kind" = 'Story' AND a."PublishedAt" IS NOT NULL
UNION SELECT 1, l."CategoriesId", a."Id", a."PublishedAt" FROM "ArticleCategories" l JOIN "Articles" a ON a."Id" = l."ArticlesId" WHERE a."Status" = 'Published' AND a."Kind" = 'Story' AND a."PublishedAt" IS NOT NULL
UNION SELECT 2, l."TagsId", a."Id", a."PublishedAt" FROM "ArticleTags" l JOIN "Articles" a ON a."Id" = l."ArticlesId" WHERE a."Status" = 'Published' AND a."Kind" = 'Story' AND a."PublishedAt" IS NOT NULL
UNION SELECT 3, l."AuthorId", a."Id", a."PublishedAt" FROM "ArticleAuthor" l JOIN "Articles" a ON a."Id" = l."ArticleId" WHERE a."Status" = 'Published' AND a."Kind" = 'Story' AND a."PublishedAt" IS NOT NULL
ON CONFLICT DO NOTHING;
VACUUM ANALYZE "ArchiveEntries";
SELECT "Kind", count(*) FROM "ArchiveEntries" GROUP BY 1;
