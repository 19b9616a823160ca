import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { connectDatabase } from "@/lib/db/connect";
import { freshTmpDir } from "./paths";
import { createDatabase, dropDatabase } from "./test-database";

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

const opened: { client: PrismaClient; dir: string; url: string }[] = [];

/**
 * Another migrated, empty database beside the file's own: an import that must
 * start from nothing (a fixture, the round trip's target) gets one each.
 * Closed and deleted by closeDatabases() (call it in afterAll).
 */
export async function emptyDatabase(): Promise<PrismaClient> {
  const dir = freshTmpDir("import-db");
  const url = await createDatabase(dir, { template: inject("templateDatabase") });
  const client = connectDatabase(url);
  opened.push({ client, dir, url });
  return client;
}

export async function closeDatabases() {
  for (const { client, dir, url } of opened.splice(0)) {
    await client.$disconnect();
    await dropDatabase(url);
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
