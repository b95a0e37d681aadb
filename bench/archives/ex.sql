\timing on
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "Articles" a WHERE a."Status"='Published' AND a."PublishedAt" <= now() AND a."Kind"='Story' AND (a."PrimaryCategoryId"=1 OR EXISTS (SELECT 1 FROM "ArticleCategories" ac WHERE ac."ArticlesId"=a."Id" AND ac."CategoriesId"=1));
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "ArchiveEntries" e WHERE e."Kind"=1 AND e."OwnerId"=1 AND e."PublishedAt" <= now();
EXPLAIN (ANALYZE, BUFFERS) SELECT a."Id", a."Headline" FROM "Articles" a WHERE a."Status"='Published' AND a."PublishedAt" <= now() AND a."Kind"='Story' AND a."Id" IN (SELECT e."ArticleId" FROM "ArchiveEntries" e WHERE e."Kind"=1 AND e."OwnerId"=1 AND e."PublishedAt" <= now() ORDER BY e."PublishedAt" DESC, e."ArticleId" DESC LIMIT 10 OFFSET 1000) ORDER BY a."PublishedAt" DESC, a."Id" DESC;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "Articles" a WHERE a."Status"='Published' AND a."PublishedAt" <= now() AND a."Kind"='Story' AND EXISTS (SELECT 1 FROM "ArticleTags" t WHERE t."ArticlesId"=a."Id" AND t."TagsId"=1);
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "ArchiveEntries" e WHERE e."Kind"=2 AND e."OwnerId"=1 AND e."PublishedAt" <= now();
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "Articles" a WHERE a."Status"='Published' AND a."PublishedAt" <= now() AND a."Kind"='Story' AND EXISTS (SELECT 1 FROM "ArticleAuthor" b WHERE b."ArticleId"=a."Id" AND b."AuthorId"=2);
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM "ArchiveEntries" e WHERE e."Kind"=3 AND e."OwnerId"=2 AND e."PublishedAt" <= now();
