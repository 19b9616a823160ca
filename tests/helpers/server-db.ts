import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { QuireSQLiteAdapterFactory } from "@/lib/db/sqlite-adapter";

/**
 * A Prisma client on the running e2e server's own SQLite file, for arranging
 * data and checking what the server stored. Disconnect it in afterAll.
 */
export function connectServerDatabase(): PrismaClient {
  return new PrismaClient({ adapter: new QuireSQLiteAdapterFactory(inject("databaseUrl")) });
}
