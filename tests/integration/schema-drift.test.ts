import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { listColumns, listForeignKeys, listIndexes, listTables } from "@/lib/db/introspect";
import { MIGRATIONS_DIRS } from "@/lib/db/migrations";
import { readSchemaModels } from "../helpers/schema-source";

/**
 * The drift check. SQLite and PostgreSQL each have their own checked-in
 * migrations, both written from prisma/schema.prisma. This suite runs on the
 * database of the test run, migrated by the real `prisma migrate deploy`
 * (`npm test`: SQLite; `npm run test:postgres`: PostgreSQL; CI runs both), and
 * compares what the migrations made with what the schema says: every model's
 * table, every column, its type and whether it may be null, every index and
 * unique constraint, every foreign key and what deleting its row does. A
 * migration missing from one database, or one written by hand differently
 * from the schema, fails here.
 */

/** Tables the migrations make on purpose outside the schema: Prisma's own, search, the corpus counter. */
const OUTSIDE_THE_SCHEMA = /^(_prisma_migrations|ArticleSearch.*|ArticleCorpusVersion)$/;
const models = readSchemaModels();

/**
 * The column type each database's migration gives a Prisma type, as Prisma
 * Migrate writes it: a column declared differently on one database (a date
 * kept as TEXT, a count as BIGINT) reads or compares differently there. Enums
 * are TEXT on SQLite and a type of their own, named as the enum, on PostgreSQL.
 */
const COLUMN_TYPES: Record<typeof dialect, Record<string, string>> = {
  sqlite: { String: "TEXT", Int: "INTEGER", BigInt: "BIGINT", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" },
  postgres: {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
  },
};
const expectedType = ({ type, isEnum }: { type: string; isEnum: boolean }) =>
  isEnum ? (dialect === "sqlite" ? "TEXT" : type) : (COLUMN_TYPES[dialect][type] ?? `(no mapping for ${type})`);

describe(`the ${dialect} migrations`, () => {
  it("make exactly the schema's tables, besides the ones kept outside it", async () => {
    const tables = (await listTables(db, dialect)).filter((name) => !OUTSIDE_THE_SCHEMA.test(name));
    expect(models.length).toBeGreaterThan(10);
    expect(tables).toEqual(models.map((model) => model.table).sort());
  });

  it("give every table exactly the schema's columns, each of its type and nullable only where the schema allows", async () => {
    const columns = await listColumns(db, dialect);
    const byColumn = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    for (const model of models) {
      const made = columns
        .filter((column) => column.table === model.table)
        .map(({ column, nullable, type }) => ({ column, nullable, type }));
      const wanted = model.columns.map((column) => ({
        column: column.column,
        nullable: column.nullable,
        type: expectedType(column),
      }));
      expect(made.sort(byColumn), model.table).toEqual(wanted.sort(byColumn));
    }
  });

  it("make every index and unique constraint the schema declares, and no other", async () => {
    const made = (await listIndexes(db, dialect))
      .filter((index) => !OUTSIDE_THE_SCHEMA.test(index.table))
      .map((index) => `${index.table}(${index.columns.join(",")})${index.unique ? " unique" : ""}`)
      .sort();
    const wanted = models
      .flatMap((model) => model.indexes.map((index) => index.replace(/^([^ ]+)/, `${model.table}($1)`)))
      .sort();
    expect(made).toEqual(wanted);
  });

  it("make every foreign key the schema's relations declare, deleting as each says, and no other", async () => {
    const made = (await listForeignKeys(db, dialect))
      .filter((key) => !OUTSIDE_THE_SCHEMA.test(key.table))
      .map(
        (key) =>
          `${key.table}(${key.columns.join(",")}) -> ${key.referencedTable}(${key.referencedColumns.join(",")}) ON DELETE ${key.onDelete}`,
      )
      .sort();
    const wanted = models
      .flatMap((model) => model.foreignKeys.map((key) => key.replace(/^([^ ]+)/, `${model.table}($1)`)))
      .sort();
    expect(wanted.length).toBeGreaterThan(20);
    expect(made).toEqual(wanted);
  });

  it("are kept in step on both databases: each schema change after PostgreSQL's first migration has one for each", () => {
    // `npm run db:migrate -- <name>` writes both. PostgreSQL starts at 20261203160000_init,
    // which holds everything SQLite's migrations made by then.
    const names = (dir: string) =>
      fs
        .readdirSync(dir)
        .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
        .sort();
    const postgres = names(MIGRATIONS_DIRS.postgres);
    expect(postgres[0]).toBe("20261203160000_init");
    const later = (list: string[]) =>
      list.filter((name) => name > "20261203160000_init").map((name) => name.replace(/^\d+_/, ""));
    expect(later(postgres)).toEqual(expect.arrayContaining(later(names(MIGRATIONS_DIRS.sqlite))));
  });
});
