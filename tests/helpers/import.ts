import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { QuireSQLiteAdapterFactory } from "@/lib/db/sqlite-adapter";
import { freshTmpDir } from "./paths";

/** The real exports other projects wrote (their SOURCES.md says what each holds); read in place, never copied. */
export const IMPORT_FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/import");

export function fixturesIn(folder: string): string[] {
  const dir = path.join(IMPORT_FIXTURES, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".xml"))
    .sort()
    .map((name) => path.join(folder, name));
}

export const readFixture = (relative: string) => fs.readFileSync(path.join(IMPORT_FIXTURES, relative));

const opened: { client: PrismaClient; dir: string }[] = [];

/**
 * Another migrated, empty database beside the file's own: an import that must
 * start from nothing (a fixture, the round trip's target) gets one each.
 * Closed and deleted by closeDatabases() (call it in afterAll).
 */
export function emptyDatabase(): PrismaClient {
  const dir = freshTmpDir("import-db");
  const file = path.join(dir, "quire.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  const client = new PrismaClient({ adapter: new QuireSQLiteAdapterFactory(`file:${file}`) });
  opened.push({ client, dir });
  return client;
}

export async function closeDatabases() {
  for (const { client, dir } of opened.splice(0)) {
    await client.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows in every table Prisma knows, by model: "unchanged" means all of these are. */
export async function rowCounts(client: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (client as unknown as Record<string, { count(): Promise<number> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ]!;
    counts[model] = await delegate.count();
  }
  return counts;
}
