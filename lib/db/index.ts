import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/config";
import { QuireSQLiteAdapterFactory } from "./sqlite-adapter";

import type { Prisma } from "@/lib/generated/prisma/client";
export type { Prisma };

function createClient() {
  return new PrismaClient({ adapter: new QuireSQLiteAdapterFactory(databaseUrl()) });
}

// One client per process: reused across Next's module reloads in development,
// so the app never opens a connection per file or per request.
const globalForPrisma = globalThis as unknown as { quirePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.quirePrisma ?? createClient();
globalForPrisma.quirePrisma = db;

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
