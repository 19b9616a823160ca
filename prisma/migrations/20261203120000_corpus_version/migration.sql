-- A counter that moves whenever the published corpus may have changed (an
-- article's text, status, publication or category; an article's tags), kept by
-- triggers so every writer bumps it. lib/articles/related.ts reads it, one row,
-- to know whether its in-memory model of "You might also Like" is current, in
-- every server process. New posts (nextPostNumber) do not move it.
-- Written by hand: Prisma's schema cannot describe triggers.
CREATE TABLE "ArticleCorpusVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "version" INTEGER NOT NULL
);
INSERT INTO "ArticleCorpusVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Article_corpus_insert" AFTER INSERT ON "Article" BEGIN
    UPDATE "ArticleCorpusVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "Article_corpus_delete" AFTER DELETE ON "Article" BEGIN
    UPDATE "ArticleCorpusVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "Article_corpus_update" AFTER UPDATE OF "title", "summary", "body", "status", "publishedAt", "categoryId" ON "Article" BEGIN
    UPDATE "ArticleCorpusVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "ArticleTag_corpus_insert" AFTER INSERT ON "ArticleTag" BEGIN
    UPDATE "ArticleCorpusVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "ArticleTag_corpus_delete" AFTER DELETE ON "ArticleTag" BEGIN
    UPDATE "ArticleCorpusVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
