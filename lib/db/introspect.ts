import type { PrismaClient } from "../generated/prisma/client";
import type { Dialect } from "./dialect";

/**
 * A column as the database has it. `type` is the declared type as the catalog
 * spells it: SQLite's declaration ("DATETIME"), PostgreSQL's data type
 * ("timestamp without time zone"), or for an enum column the enum's name.
 */
export type ColumnShape = { table: string; column: string; nullable: boolean; type: string };
/** An index as the database has it: its table, whether it is unique, and its columns in order. */
export type IndexShape = { table: string; unique: boolean; columns: string[] };

/**
 * What the migrations made, read back from the database's own catalog: the
 * tables, their columns, indexes and foreign keys, in one shape for both databases.
 * The drift check (tests/integration/schema-drift.test.ts) compares it with
 * the schema, on SQLite and on PostgreSQL; the own-data test reads every table.
 * PostgreSQL's catalog names are cast to text: Prisma cannot read its `name` type.
 */
export async function listTables(db: PrismaClient, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === "sqlite"
      ? await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : await db.$queryRaw<{ name: string }[]>`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()`;
  return rows.map((row) => row.name).sort();
}

export async function listColumns(db: PrismaClient, dialect: Dialect): Promise<ColumnShape[]> {
  if (dialect === "sqlite") {
    const rows = await db.$queryRaw<
      { table: string; column: string; notnull: number | bigint; pk: number | bigint; type: string }[]
    >`
      SELECT m.name AS "table", c.name AS "column", c."notnull" AS "notnull", c.pk AS pk, c.type AS type
      FROM sqlite_master m JOIN pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`;
    // A SQLite INTEGER PRIMARY KEY is never null, whatever its declaration says.
    return rows.map((row) => ({
      table: row.table,
      column: row.column,
      nullable: Number(row.notnull) === 0 && Number(row.pk) === 0,
      type: row.type,
    }));
  }
  const rows = await db.$queryRaw<{ table: string; column: string; nullable: string; type: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column", is_nullable::text AS nullable,
      (CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END)::text AS type
    FROM information_schema.columns WHERE table_schema = current_schema()`;
  return rows.map((row) => ({ table: row.table, column: row.column, nullable: row.nullable === "YES", type: row.type }));
}

export async function listIndexes(db: PrismaClient, dialect: Dialect): Promise<IndexShape[]> {
  if (dialect === "sqlite") {
    const rows = await db.$queryRaw<
      { table: string; index: string; unique: number | bigint; origin: string; column: string; seqno: number | bigint }[]
    >`
      SELECT m.name AS "table", l.name AS "index", l."unique" AS "unique", l.origin AS origin, i.name AS "column", i.seqno AS seqno
      FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND l.origin <> 'pk'
      ORDER BY m.name, l.name, i.seqno`;
    return groupIndexes(rows.map((row) => ({ ...row, unique: Number(row.unique) === 1 })));
  }
  const rows = await db.$queryRaw<{ table: string; index: string; unique: boolean; column: string }[]>`
    SELECT t.relname::text AS "table", i.relname::text AS "index", x.indisunique AS "unique", a.attname::text AS "column"
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND NOT x.indisprimary
    ORDER BY t.relname, i.relname, k.position`;
  return groupIndexes(rows);
}

/** A foreign key as the database has it; `onDelete` as SQL spells it ("CASCADE", "SET NULL", "RESTRICT", "NO ACTION"). */
export type ForeignKeyShape = {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
};

type ForeignKeyRow = {
  table: string;
  key: string;
  column: string;
  referenced: string;
  referencedColumn: string;
  onDelete: string;
};

/** PostgreSQL's pg_constraint.confdeltype codes. */
const POSTGRES_ON_DELETE: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** The foreign keys' catalog rows, one per column in column order; `onDelete` as SQL spells it. */
async function foreignKeyRows(db: PrismaClient, dialect: Dialect): Promise<ForeignKeyRow[]> {
  if (dialect === "sqlite") {
    return db.$queryRaw<ForeignKeyRow[]>`
      SELECT m.name AS "table", CAST(f.id AS TEXT) AS "key", f."from" AS "column", f."table" AS referenced,
        f."to" AS "referencedColumn", f.on_delete AS "onDelete"
      FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
      ORDER BY m.name, f.id, f.seq`;
  }
  const rows = await db.$queryRaw<ForeignKeyRow[]>`
    SELECT t.relname::text AS "table", c.conname::text AS "key", a.attname::text AS "column",
      r.relname::text AS referenced, ra.attname::text AS "referencedColumn", c.confdeltype::text AS "onDelete"
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, refattnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = k.refattnum
    WHERE c.contype = 'f' AND n.nspname = current_schema()
    ORDER BY t.relname, c.conname, k.position`;
  return rows.map((row) => ({ ...row, onDelete: POSTGRES_ON_DELETE[row.onDelete] ?? row.onDelete }));
}

export async function listForeignKeys(db: PrismaClient, dialect: Dialect): Promise<ForeignKeyShape[]> {
  return groupRows<ForeignKeyRow, ForeignKeyShape>(
    await foreignKeyRows(db, dialect),
    (row) => `${row.table}.${row.key}`,
    (row) => ({ table: row.table, columns: [], referencedTable: row.referenced, referencedColumns: [], onDelete: row.onDelete }),
    (key, row) => {
      key.columns.push(row.column);
      key.referencedColumns.push(row.referencedColumn);
    },
  );
}

type IndexRow = { table: string; index: string; unique: boolean; column: string };

function groupIndexes(rows: IndexRow[]): IndexShape[] {
  return groupRows<IndexRow, IndexShape>(
    rows,
    (row) => `${row.table}.${row.index}`,
    (row) => ({ table: row.table, unique: row.unique, columns: [] }),
    (index, row) => index.columns.push(row.column),
  );
}

/**
 * The catalogs list an index or key once per column, in column order: one
 * shape per `keyOf`, made by `start` from its first row, each row's column
 * added by `add`.
 */
function groupRows<Row, Shape>(
  rows: Row[],
  keyOf: (row: Row) => string,
  start: (row: Row) => Shape,
  add: (shape: Shape, row: Row) => void,
): Shape[] {
  const byKey = new Map<string, Shape>();
  for (const row of rows) {
    const key = keyOf(row);
    let shape = byKey.get(key);
    if (shape === undefined) byKey.set(key, (shape = start(row)));
    add(shape, row);
  }
  return [...byKey.values()];
}
