import { inject } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { connectDatabase } from "@/lib/db/connect";

/**
 * A Prisma client on the running e2e server's own database, for arranging
 * data and checking what the server stored. Disconnect it in afterAll.
 */
export function connectServerDatabase(): PrismaClient {
  return connectDatabase(inject("databaseUrl"));
}
