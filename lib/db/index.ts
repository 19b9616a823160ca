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
 * client's types do not know.
 */
export function containing(text: string): { contains: string } {
  return (dialect === "postgres" ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}
