import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config";
import { BUSY_TIMEOUT_MS, QuireSQLiteAdapterFactory } from "./sqlite-adapter";

// Prisma's namespace: its types, and helpers such as Prisma.join for raw queries.
export { Prisma };

function createClient() {
  return new PrismaClient({
    adapter: new QuireSQLiteAdapterFactory(databaseUrl()),
    // The adapter runs one transaction at a time; a writer queued behind others
    // waits as long as SQLite's busy_timeout would (Prisma's default is 2 s),
    // then answers 503 like a locked database.
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS },
  });
}

// One client per process: reused across Next's module reloads in development,
// so the app never opens a connection per file or per request.
const globalForPrisma = globalThis as unknown as { quirePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.quirePrisma ?? createClient();
globalForPrisma.quirePrisma = db;

export type Tx = Prisma.TransactionClient;
