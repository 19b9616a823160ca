import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config";
import { connectDatabase } from "./connect";
import { dialectOf } from "./dialect";

// Prisma's namespace: its types, and helpers such as Prisma.join for raw queries.
// The SQLite and PostgreSQL clients share Prisma's runtime, so these serve both.
export { Prisma };

// One client per process: reused across Next's module reloads in development,
// so the app never opens a connection per file or per request.
const globalForPrisma = globalThis as unknown as { quirePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.quirePrisma ?? connectDatabase(databaseUrl());
globalForPrisma.quirePrisma = db;

/** The database this process uses: "sqlite" or "postgres". */
export const dialect = dialectOf(databaseUrl());

export type Tx = Prisma.TransactionClient;

/**
 * A "contains" filter that ignores case on either database, for the back
 * office's search boxes: SQLite's LIKE already ignores ASCII case, and
 * PostgreSQL needs Prisma's insensitive mode (ILIKE), which the SQLite
 * client's types do not know. NUL is left out: PostgreSQL refuses to compare text holding it.
 */
export function containing(text: string): { contains: string } {
  // No stored text holds NUL (it is refused on the way in, and PostgreSQL cannot store it).
  const contains = text.replaceAll("\u0000", "");
  return (dialect === "postgres" ? { contains, mode: "insensitive" } : { contains }) as { contains: string };
}

/**
 * For a write whose read-then-write checks all concern one row (a post and
 * its discussion): the options for its `$transaction`, and `lockRow` to call
 * first inside it. On PostgreSQL it then runs READ COMMITTED and waits for the
 * row's lock, so many posts to one discussion at once queue up instead of
 * aborting one another under SERIALIZABLE and being retried. On SQLite every
 * write transaction already holds the database's one write lock, so both do nothing.
 */
export const rowLockedTransaction = (dialect === "postgres" ? { isolationLevel: "ReadCommitted" } : {}) as {
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

const LOCKABLE = { Article: Prisma.raw(`"Article"`) } as const;

export async function lockRow(tx: Tx, table: keyof typeof LOCKABLE, id: number): Promise<void> {
  if (dialect === "postgres") await tx.$queryRaw`SELECT 1 FROM ${LOCKABLE[table]} WHERE "id" = ${id} FOR UPDATE`;
}
