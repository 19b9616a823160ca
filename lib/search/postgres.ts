import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { RankedMatch, SearchEngine } from "./engine";
import { MATCH_END, MATCH_START } from "./snippet";

/**
 * Article search on PostgreSQL: the tsvector table "ArticleSearch" (see its
 * migration in prisma/postgres/migrations), kept in step with Article by
 * triggers, read with the text search configuration "quire_english" (English
 * stemming, accents folded, no stop words), as FTS5 reads on SQLite.
 *
 * Each word becomes its own plainto_tsquery: user text is never parsed as
 * tsquery syntax, and a word that yields no lexeme drops out of the query
 * instead of breaking it. Title matches weigh ten times a body match and
 * summary matches four times (ts_rank weights for D, C, B, A: the body is C,
 * the summary B, the title A); ties go to the newer article. The snippet is
 * the passage of about 24 words with the most of the query words, chosen as
 * FTS5 chooses it (see rankMatches).
 * A factory over a client (relative imports, no "server-only"), so that
 * `npm run bench` times exactly this code on its own connection.
 */
const CONFIG = Prisma.raw("'quire_english'::regconfig");
const WEIGHTS = Prisma.raw("'{0.1, 0.1, 0.4, 1.0}'::float4[]");
const SNIPPET_WORDS = 24;
const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=0, MaxFragments=1`;
const ELLIPSIS = "…";

const wordQuery = (word: string) => Prisma.sql`plainto_tsquery(${CONFIG}, ${word})`;

/** Every word (AND) or any of them (OR), each word a query of its own. */
function tsquery(words: string[], every: boolean): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(words.map(wordQuery), every ? " && " : " || ")})`;
}

const publishedMatch = Prisma.sql`
  a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL`;

export function postgresSearchEngine(db: PrismaClient): SearchEngine {
  return {
    async countMatches(words, every) {
      if (words.length === 0) return 0;
      const [row] = await db.$queryRaw<{ total: bigint | number }[]>`
        SELECT count(*) AS total FROM "ArticleSearch" s JOIN "Article" a ON a.id = s."articleId"
        WHERE s.document @@ ${tsquery(words, every)} AND ${publishedMatch}`;
      return Number(row?.total ?? 0);
    },
    async rankMatches(words, every, take, skip) {
      if (words.length === 0) return [];
      // The page first (ranking needs only the stored tsvector), then the
      // best passage of each of its articles: the window of SNIPPET_WORDS
      // positions in one column holding the most distinct query words (the
      // summary, then the body, then the title on a tie, then the most
      // matches), and ts_headline around those words in that column.
      return db.$queryRaw<RankedMatch[]>(rankQuery(words, every, take, skip));
    },
  };
}

function rankQuery(words: string[], every: boolean, take: number, skip: number): Prisma.Sql {
  return Prisma.sql`
        -- Filtered by every word (or any), but scored by any of them: ts_rank of an AND query
        -- follows the weakest word, where bm25 adds up each word's weight, so a title
        -- holding one word ranked below a body holding both a little.
        WITH q AS (SELECT ${tsquery(words, every)} AS query, ${tsquery(words, false)} AS scoring),
        word AS (
          SELECT t.i, plainto_tsquery(${CONFIG}, t.w) AS query, tsvector_to_array(to_tsvector(${CONFIG}, t.w)) AS lexemes
          FROM unnest(ARRAY[${Prisma.join(words)}]::text[]) WITH ORDINALITY AS t(w, i)
        ),
        lexeme AS (SELECT word.i, l.lexeme FROM word, unnest(word.lexemes) AS l(lexeme)),
        page AS (
          SELECT a.id, a.title, a.summary, a.body, a."publishedAt", s.document,
            ts_rank(${WEIGHTS}, s.document, q.scoring) AS rank
          FROM "ArticleSearch" s JOIN "Article" a ON a.id = s."articleId", q
          WHERE s.document @@ q.query AND ${publishedMatch}
          ORDER BY rank DESC, a."publishedAt" DESC, a.id DESC
          LIMIT ${take} OFFSET ${skip}
        ),
        hit AS (
          SELECT p.id, x.weight, x.pos::int AS pos, lexeme.i
          FROM page p, unnest(p.document) AS d(lexeme, positions, weights)
            JOIN lexeme ON lexeme.lexeme = d.lexeme, unnest(d.positions, d.weights) AS x(pos, weight)
        ),
        -- words: a bit for each query word in the window (MAX_QUERY_WORDS is 12).
        passage AS (
          SELECT DISTINCT ON (id) id, weight, words FROM (
            SELECT id, weight, pos, bit_or(1 << (i::int - 1)) OVER near AS words, count(*) OVER near AS matches
            FROM hit
            WINDOW near AS (PARTITION BY id, weight ORDER BY pos RANGE BETWEEN CURRENT ROW AND ${SNIPPET_WORDS - 1} FOLLOWING)
          ) w
          ORDER BY id, bit_count(words::bit(32)) DESC, position(weight IN 'BCA'), matches DESC, pos
        ),
        snippet AS MATERIALIZED (
          SELECT p.id, p.rank, p."publishedAt", c.source,
            coalesce(ts_headline(${CONFIG}, c.source, coalesce(
              (SELECT quire_tsquery_and(word.query) FROM word WHERE b.words & (1 << (word.i::int - 1)) <> 0), q.query
            ), ${HEADLINE_OPTIONS}), '') AS marked
          FROM page p LEFT JOIN passage b ON b.id = p.id CROSS JOIN q,
            LATERAL (SELECT CASE b.weight WHEN 'A' THEN p.title WHEN 'B' THEN p.summary ELSE p.body END AS source) c
        ),
        placed AS (
          SELECT s.*, strpos(s.source, p.plain) AS at, length(p.plain) AS length
          FROM snippet s, LATERAL (SELECT replace(replace(s.marked, ${MATCH_START}, ''), ${MATCH_END}, '') AS plain) p
        )
        -- An ellipsis where the passage leaves out words before or after it, as on SQLite.
        SELECT id,
          CASE WHEN at > 1 AND left(source, at - 1) ~ '[[:alnum:]]' THEN ${ELLIPSIS} ELSE '' END || marked
            || CASE WHEN at > 0 AND substr(source, at + length) ~ '[[:alnum:]]' THEN ${ELLIPSIS} ELSE '' END AS snippet
        FROM placed
        ORDER BY rank DESC, "publishedAt" DESC, id DESC`;
}
