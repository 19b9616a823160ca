import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** Every table but RateLimit: a throttle counts every attempt, refused ones included, by design. */
const COUNTED = Object.values(Prisma.ModelName).filter((model) => model !== "RateLimit");

/** One query for all the counts, in plain SQL (tables are named after their models). */
const COUNT_ALL = `SELECT ${COUNTED.map((model) => `(SELECT COUNT(*) FROM "${model}") AS "${model}"`).join(", ")}`;

/** How many rows every table holds, by model name: what a refused request must leave as it found. */
export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const [counts] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(COUNT_ALL);
  return Object.fromEntries(COUNTED.map((model) => [model, Number(counts![model])]));
}
