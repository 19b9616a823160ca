-- Full-text search over articles on PostgreSQL (lib/search/postgres.ts), the
-- counterpart of the SQLite FTS5 table: a tsvector per article in
-- "ArticleSearch", kept in step with Article by triggers, so every write (the
-- back office, the seed, an import, a hand-made fix) updates it in the same
-- transaction. Written by hand and kept out of the Prisma schema, like the
-- FTS5 table.
--
-- The text search configuration "quire_english" reads words as FTS5 does:
-- accents folded (unaccent), English stemming (Snowball, the successor of the
-- Porter stemmer FTS5 uses), and no stop words, so a query for "the" or
-- "why is" matches as it does on SQLite.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY quire_english_stem (TEMPLATE = snowball, Language = english);

CREATE TEXT SEARCH CONFIGURATION quire_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION quire_english
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, quire_english_stem;

-- Weights: A for the title, B for the summary, C for the body (the ranking
-- in lib/search/postgres.ts gives them 10, 4 and 1 like the bm25 weights).
CREATE FUNCTION quire_article_document(title TEXT, summary TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT setweight(to_tsvector('quire_english', title), 'A')
            || setweight(to_tsvector('quire_english', summary), 'B')
            || setweight(to_tsvector('quire_english', body), 'C')
    $$;

-- Every query of a set of queries (tsquery AND as an aggregate), for the
-- snippet: the words of the best passage, found together (lib/search/postgres.ts).
CREATE AGGREGATE quire_tsquery_and (tsquery) (SFUNC = tsquery_and, STYPE = tsquery);

CREATE TABLE "ArticleSearch" (
    "articleId" INTEGER NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId"),
    CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

INSERT INTO "ArticleSearch" ("articleId", "document")
    SELECT "id", quire_article_document("title", "summary", "body") FROM "Article";

-- A new article, or a changed title, summary or body: its document again.
-- A deleted article takes its row with it (ON DELETE CASCADE).
CREATE FUNCTION quire_article_search_refresh() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        INSERT INTO "ArticleSearch" ("articleId", "document")
            VALUES (NEW."id", quire_article_document(NEW."title", NEW."summary", NEW."body"))
            ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document";
        RETURN NULL;
    END;
    $$;

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article"
    FOR EACH ROW EXECUTE FUNCTION quire_article_search_refresh();

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "title", "summary", "body" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION quire_article_search_refresh();
