-- Full-text search over articles (lib/search/sqlite.ts): an FTS5 index of the
-- Article table's title, summary and body, kept in step by triggers, so every
-- write (the back office, the seed, an import, a hand-made fix) updates it in
-- the same transaction. Porter stemming: "boiling" finds "boil"; accents fold.
-- Written by hand: Prisma's schema cannot describe virtual tables.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    title, summary, body,
    content = 'Article', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO "ArticleSearch" (rowid, title, summary, body) SELECT id, title, summary, body FROM "Article";

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" (rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF title, summary, body ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", rowid, title, summary, body) VALUES ('delete', old.id, old.title, old.summary, old.body);
    INSERT INTO "ArticleSearch" (rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
END;
