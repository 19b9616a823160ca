import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { databaseFileOf } from "./backup";
import { dialectOf, type Dialect } from "./dialect";

/**
 * Copying a whole Quire site from one database to another (`npm run db:copy`,
 * scripts/db-copy.mts): SQLite to PostgreSQL above all, to move a site that
 * outgrew one file, and back. Every Prisma model is copied with its ids, parents
 * before children, in batches, inside one transaction on the target: a copy
 * that fails leaves the target as empty as it found it. What the migrations
 * keep beside the models (the search index, the corpus version) is filled by
 * the target's own triggers as the rows go in, and checked before the commit.
 */

/** Rows read and written at a time: small enough for any database's parameter limit, large enough to be quick. */
export const COPY_BATCH_ROWS = 500;
/** An interactive transaction may run this long: a large site takes minutes. */
const COPY_TIMEOUT_MS = 60 * 60 * 1000;

/** The copy will not start: the reason is a sentence for the person who ran it. Nothing was written. */
export class CopyRefused extends Error {}

/** Every table the schema describes, named after its model (the schema maps none). */
export const MODELS: readonly Prisma.ModelName[] = Object.values(Prisma.ModelName);

// ---------------------------------------------------------------------------
// The command line's two URLs

const SCHEMES = "file:./path/to/quire.db for SQLite, or postgresql://user:password@host:5432/database for PostgreSQL";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The database a URL names, however it is written: a SQLite file's absolute path, or a PostgreSQL server and database. */
function identityOf(url: string): string {
  if (url.startsWith("file:")) return `sqlite:${path.resolve(databaseFileOf(url))}`;
  if (dialectOf(url) === "sqlite" || !URL.canParse(url)) return `unknown:${url}`;
  const parsed = new URL(url);
  const host = LOOPBACK.has(parsed.hostname.toLowerCase()) ? "localhost" : parsed.hostname.toLowerCase();
  return `postgres:${host}:${parsed.port || "5432"}/${decodeURIComponent(parsed.pathname.slice(1))}`;
}

function databaseUrl(role: "source" | "target") {
  return z
    .string()
    .trim()
    .min(1, `Name the ${role} database: ${SCHEMES}.`)
    .superRefine((url, context) => {
      const fail = (message: string) => context.addIssue({ code: "custom", message });
      if (url.startsWith("file:")) {
        const file = path.resolve(databaseFileOf(url));
        if (file === path.resolve("") || url === "file:") return fail(`The ${role} URL ${url} names no file: ${SCHEMES}.`);
        if (role === "source" && !fs.existsSync(file)) return fail(`The source database file ${file} does not exist.`);
        if (role === "target" && !fs.existsSync(path.dirname(file)))
          return fail(`The folder of the target database file (${path.dirname(file)}) does not exist: create it first.`);
        return;
      }
      if (!/^postgres(ql)?:\/\//i.test(url)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
        return fail(
          scheme
            ? `The ${role} URL starts with "${scheme}:", which is not a database Quire can use: write ${SCHEMES}.`
            : `The ${role} "${url}" is not a database URL: write ${SCHEMES}.`,
        );
      }
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return fail(`The ${role} URL is not a well-formed PostgreSQL URL: write postgresql://user:password@host:5432/database.`);
      }
      if (!parsed.hostname) return fail(`The ${role} URL names no server: write postgresql://user:password@host:5432/database.`);
      if (parsed.pathname.length <= 1)
        return fail(
          `The ${role} URL names no database: add its name after the server, as in postgresql://user:password@host:5432/quire.`,
        );
    });
}

/** The two URLs of `npm run db:copy -- <from> <to>`: each well-formed, the source there, and not one database twice. */
export const copyArgumentsSchema = z
  .object({ from: databaseUrl("source"), to: databaseUrl("target") })
  .refine(({ from, to }) => identityOf(from) !== identityOf(to), {
    message: "The source and the target are the same database: name a new, empty database as the target.",
  });

// ---------------------------------------------------------------------------
// The tables as the database has them: keys and foreign keys

type ForeignKey = { child: string; parent: string; columns: string[]; nullable: boolean };
type TableShape = { primaryKey: string[]; serialId: boolean };

function providerOf(client: PrismaClient): Dialect {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgres" : "sqlite";
}

async function readShapes(
  db: PrismaClient,
  dialect: Dialect,
): Promise<{ tables: Map<string, TableShape>; foreignKeys: ForeignKey[] }> {
  const tables = new Map<string, TableShape>();
  const foreignKeys: ForeignKey[] = [];
  if (dialect === "sqlite") {
    for (const model of MODELS) {
      const columns = await db.$queryRawUnsafe<{ name: string; notnull: number | bigint; pk: number | bigint; type: string }[]>(
        `PRAGMA table_info("${model}")`,
      );
      const primaryKey = columns
        .filter((column) => Number(column.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((column) => column.name);
      tables.set(model, { primaryKey, serialId: false });
      const notNull = new Set(columns.filter((column) => Number(column.notnull)).map((column) => column.name));
      const keys = await db.$queryRawUnsafe<{ id: number | bigint; table: string; from: string }[]>(
        `PRAGMA foreign_key_list("${model}")`,
      );
      const byId = new Map<number, typeof keys>();
      for (const key of keys) byId.set(Number(key.id), [...(byId.get(Number(key.id)) ?? []), key]);
      for (const group of byId.values()) {
        const columnsOfKey = group.map((key) => key.from);
        foreignKeys.push({
          child: model,
          parent: group[0]!.table,
          columns: columnsOfKey,
          nullable: columnsOfKey.every((c) => !notNull.has(c)),
        });
      }
    }
    return { tables, foreignKeys };
  }
  const keys = await db.$queryRawUnsafe<{ table: string; columns: string[]; serial: boolean }[]>(`
    SELECT t.relname::text AS "table",
      ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "columns",
      CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'id' AND NOT a.attisdropped)
        THEN pg_get_serial_sequence(format('%I', t.relname), 'id') IS NOT NULL ELSE false END AS "serial"
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
    WHERE i.indisprimary AND t.relnamespace = current_schema()::regnamespace`);
  for (const key of keys) tables.set(key.table, { primaryKey: key.columns, serialId: key.serial });
  const references = await db.$queryRawUnsafe<ForeignKey[]>(`
    SELECT child.relname::text AS "child", parent.relname::text AS "parent",
      ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS "columns",
      (SELECT bool_and(NOT a.attnotnull) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS "nullable"
    FROM pg_constraint c JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
    WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace`);
  foreignKeys.push(...references);
  return { tables, foreignKeys };
}

/**
 * The order to fill the tables in: every table after the tables its foreign
 * keys point to. A reference that closes a cycle (a table pointing at itself,
 * or two at each other) cannot be satisfied by any order; if its columns may
 * be null it is deferred: those columns go in empty and are set once every
 * row is in. A cycle of required references cannot be copied at all.
 */
export function copyOrder(models: readonly string[], foreignKeys: readonly ForeignKey[]) {
  const known = new Set(models);
  const edges = foreignKeys.filter((key) => known.has(key.child) && known.has(key.parent));
  const deferred = new Map<string, string[]>();
  const defer = (key: ForeignKey) => deferred.set(key.child, [...(deferred.get(key.child) ?? []), ...key.columns]);
  let pending = edges.filter((key) => {
    if (key.child !== key.parent) return true;
    if (!key.nullable)
      throw new Error(`${key.child} refers to itself through required columns (${key.columns.join(", ")}): it cannot be copied.`);
    defer(key);
    return false;
  });
  const order: string[] = [];
  let left = [...models];
  while (left.length > 0) {
    const ready = left.filter((model) => !pending.some((key) => key.child === model && left.includes(key.parent)));
    if (ready.length > 0) {
      order.push(...ready);
      left = left.filter((model) => !ready.includes(model));
      continue;
    }
    // Every table left waits for another: break the cycle at a reference that may be null.
    const breakable = pending.find((key) => key.nullable && left.includes(key.child) && left.includes(key.parent));
    if (!breakable)
      throw new Error(`The tables ${left.join(", ")} refer to each other through required columns: they cannot be copied.`);
    defer(breakable);
    pending = pending.filter((key) => key !== breakable);
  }
  return { order, deferred };
}

// ---------------------------------------------------------------------------
// The copy

type Row = Record<string, unknown>;
type Delegate = {
  count(): Promise<number>;
  findMany(args: { orderBy: Row[]; take: number; cursor?: Row; skip?: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<unknown>;
};
type Client = PrismaClient | Prisma.TransactionClient;

const delegateOf = (client: Client, model: string) =>
  (client as unknown as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!;

/** Prisma's unique input for a row's primary key: `id: 7`, or `articleId_tagId: { articleId, tagId }`. */
function keyWhere(primaryKey: string[], row: Row): Row {
  if (primaryKey.length === 1) return { [primaryKey[0]!]: row[primaryKey[0]!] };
  return { [primaryKey.join("_")]: Object.fromEntries(primaryKey.map((column) => [column, row[column]])) };
}

/** The tables that hold rows, with their counts; a table not created yet counts as empty. */
export async function occupiedTables(db: Client): Promise<{ model: string; rows: number }[]> {
  const occupied: { model: string; rows: number }[] = [];
  for (const model of MODELS) {
    let rows: number;
    try {
      const [row] = await (db as PrismaClient).$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${model}"`);
      rows = Number(row!.n);
    } catch {
      rows = 0;
    }
    if (rows > 0) occupied.push({ model, rows });
  }
  return occupied;
}

export function describeOccupied(occupied: { model: string; rows: number }[]): string {
  const list = occupied.map(({ model, rows }) => `${model} (${rows.toLocaleString("en")})`).join(", ");
  return `The target database is not empty: ${list}. Copy into a new, empty database; nothing was written.`;
}

export type CopyReport = {
  tables: { model: string; rows: number }[];
  rows: number;
  ms: number;
  /** Checks of what the target's triggers keep beside the models, one line each. */
  derived: string[];
  toText(): string;
};

/**
 * Copies every row of `from` into `to`, which must have Quire's schema
 * (migrated) and no rows. `from` is read inside one transaction, so the copy is
 * one consistent moment of the site (on SQLite that transaction holds the write
 * lock: stop the site first); `to` is written inside one transaction, so a copy
 * that fails writes nothing. Progress lines go to `onProgress`.
 */
export async function copyDatabase(
  from: PrismaClient,
  to: PrismaClient,
  onProgress: (line: string) => void = () => {},
): Promise<CopyReport> {
  const started = performance.now();
  const target = providerOf(to);
  const { tables, foreignKeys } = await readShapes(to, target);
  for (const model of MODELS) {
    if (!tables.get(model)?.primaryKey.length)
      throw new CopyRefused(`The target database has no ${model} table: it is not migrated.`);
  }
  const { order, deferred } = copyOrder(MODELS, foreignKeys);
  const copied: { model: string; rows: number }[] = [];
  const derived: string[] = [];

  await to.$transaction(
    async (write) => {
      const occupied = await occupiedTables(write);
      if (occupied.length > 0) throw new CopyRefused(describeOccupied(occupied));
      await from.$transaction(
        async (read) => {
          for (const model of order) {
            const { primaryKey } = tables.get(model)!;
            const late = deferred.get(model) ?? [];
            const total = await delegateOf(read, model).count();
            onProgress(`${model}: ${total.toLocaleString("en")} row${total === 1 ? "" : "s"}`);
            let done = 0;
            let last: Row | undefined;
            const postponed: Row[] = [];
            for (;;) {
              const rows = await delegateOf(read, model).findMany({
                orderBy: primaryKey.map((column) => ({ [column]: "asc" })),
                take: COPY_BATCH_ROWS,
                ...(last ? { cursor: keyWhere(primaryKey, last), skip: 1 } : {}),
              });
              if (rows.length === 0) break;
              const data =
                late.length === 0 ? rows : rows.map((row) => ({ ...row, ...Object.fromEntries(late.map((c) => [c, null])) }));
              for (const row of rows) if (late.some((column) => row[column] != null)) postponed.push(row);
              try {
                await delegateOf(write, model).createMany({ data });
              } catch (error) {
                const at = primaryKey.map((column) => `${column} ${String(rows[0]![column])}`).join(", ");
                throw new Error(`Copying ${model} failed in the batch starting at ${at}: ${(error as Error).message}`, {
                  cause: error,
                });
              }
              done += rows.length;
              last = rows.at(-1);
              if (total > COPY_BATCH_ROWS) onProgress(`  ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`);
              if (rows.length < COPY_BATCH_ROWS) break;
            }
            for (const row of postponed) {
              await delegateOf(write, model).update({
                where: keyWhere(primaryKey, row),
                data: Object.fromEntries(late.map((column) => [column, row[column]])),
              });
            }
            copied.push({ model, rows: done });
          }
        },
        { timeout: COPY_TIMEOUT_MS, maxWait: 30_000 },
      );

      // What was written is what was read, table by table.
      for (const { model, rows } of copied) {
        const count = await delegateOf(write, model).count();
        if (count !== rows) throw new Error(`${model} holds ${count} rows on the target after copying ${rows}.`);
      }
      if (target === "postgres") {
        // Rows went in with their ids, which a sequence does not see: move each past the largest id.
        for (const model of order) {
          if (!tables.get(model)!.serialId) continue;
          await write.$queryRawUnsafe(
            `SELECT setval(pg_get_serial_sequence('"${model}"', 'id'), COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "${model}"`,
          );
        }
      }
      derived.push(...(await checkDerived(write, target)));
    },
    { timeout: COPY_TIMEOUT_MS, maxWait: 30_000 },
  );

  const rows = copied.reduce((sum, table) => sum + table.rows, 0);
  const ms = Math.round(performance.now() - started);
  const byModel = new Map(copied.map((table) => [table.model, table.rows]));
  const report = MODELS.map((model) => ({ model, rows: byModel.get(model) ?? 0 }));
  return {
    tables: report,
    rows,
    ms,
    derived,
    toText: () =>
      [
        `Copied ${rows.toLocaleString("en")} rows in ${(ms / 1000).toFixed(1)} s:`,
        ...report.map(({ model, rows: n }) => `  ${n.toLocaleString("en").padStart(9)}  ${model}`),
        ...derived,
      ].join("\n"),
  };
}

/**
 * The target's triggers filled the search index and moved the corpus version
 * as the articles went in; this checks they did, inside the copy's transaction
 * (an error rolls the copy back).
 */
async function checkDerived(db: Prisma.TransactionClient, dialect: Dialect): Promise<string[]> {
  const lines: string[] = [];
  const articles = await db.article.count();
  if (dialect === "sqlite") {
    // FTS5 compares its index with the Article rows, and fails if they differ.
    await db.$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("ArticleSearch", rank) VALUES ('integrity-check', 1)`);
    lines.push(`Search index: ${articles.toLocaleString("en")} articles, checked against the Article table.`);
  } else {
    const [search] = await db.$queryRawUnsafe<{ present: boolean }[]>(
      `SELECT to_regclass('"ArticleSearch"') IS NOT NULL AS present`,
    );
    if (search?.present) {
      const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "ArticleSearch"`);
      lines.push(`Search index: ${Number(row!.n).toLocaleString("en")} rows for ${articles.toLocaleString("en")} articles.`);
    }
  }
  const [corpus] = await db.$queryRawUnsafe<{ version: bigint | number }[]>(
    `SELECT "version" FROM "ArticleCorpusVersion" WHERE "id" = 1`,
  );
  if (!corpus) throw new Error('The target has no "ArticleCorpusVersion" row: it is not migrated.');
  if (articles > 0 && Number(corpus.version) === 0)
    throw new Error("The target's corpus version did not move while articles went in.");
  lines.push(`Corpus version: ${Number(corpus.version)}.`);
  return lines;
}
