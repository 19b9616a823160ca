import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

type Counted = { count(): Prisma.PrismaPromise<number> };

/**
 * How many rows every table holds, by model name: what a refused request
 * must leave as it found. RateLimit is left out on purpose: a throttle
 * counts every attempt, refused ones included, by design.
 */
export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const models = Object.values(Prisma.ModelName).filter((model) => model !== "RateLimit");
  const delegates = db as unknown as Record<string, Counted>;
  const counts = await db.$transaction(models.map((model) => delegates[model[0]!.toLowerCase() + model.slice(1)]!.count()));
  return Object.fromEntries(models.map((model, i) => [model, counts[i]!]));
}
