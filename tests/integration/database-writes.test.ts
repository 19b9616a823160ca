import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { isSerializationFailure } from "@/lib/db/connect";
import { errorResponse } from "@/lib/http";
import { newThread } from "../helpers/discussion";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read-then-write transactions keep their meaning on PostgreSQL, where several
 * processes write at once: every transaction is SERIALIZABLE, one that loses a
 * conflict runs again, and one that keeps losing answers 503 with nothing saved.
 * (On SQLite one writer at a time gives the same, and concurrent-posting tests cover it.)
 */
describe.skipIf(dialect !== "postgres")("concurrent transactions on PostgreSQL", () => {
  it("run the one that lost a write conflict again, so neither update is lost", async () => {
    const { id } = await newThread();
    const before = (await db.article.findUniqueOrThrow({ where: { id } })).nextPostNumber;
    let attempts = 0;
    let reads = 0;
    let bothHaveRead!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHaveRead = resolve));
    // Each reads the counter, waits until the other has read it too, then writes its value + 1:
    // without serializable isolation and the retry, one increment would overwrite the other.
    const increment = () =>
      db.$transaction(async (tx) => {
        attempts++;
        const { nextPostNumber } = await tx.article.findUniqueOrThrow({ where: { id }, select: { nextPostNumber: true } });
        if (++reads === 2) bothHaveRead();
        await Promise.race([barrier, pause(1000)]);
        await tx.article.update({ where: { id }, data: { nextPostNumber: nextPostNumber + 1 } });
      });
    await Promise.all([increment(), increment()]);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).nextPostNumber).toBe(before + 2);
    expect(attempts).toBe(3);
  });

  it("answer 503 with Retry-After when the conflicts outlast the retries", { timeout: 30_000 }, async () => {
    const { id } = await newThread();
    const before = (await db.article.findUniqueOrThrow({ where: { id } })).nextPostNumber;
    let attempts = 0;
    let failure: unknown;
    // A transaction that always conflicts: a second connection changes the row between its read and its write.
    await db
      .$transaction(async (tx) => {
        attempts++;
        const { nextPostNumber } = await tx.article.findUniqueOrThrow({ where: { id }, select: { nextPostNumber: true } });
        await db.article.update({ where: { id }, data: { nextPostNumber: { increment: 10 } } });
        await tx.article.update({ where: { id }, data: { nextPostNumber: nextPostNumber + 1 } });
      })
      .catch((error: unknown) => (failure = error));
    expect(isSerializationFailure(failure)).toBe(true);
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await response.json()) as { error: string }).error).toMatch(/nothing was saved/);
    // Every attempt's own write was rolled back; only the other connection's increments (one per attempt) remain.
    // Tried again for as long as a SQLite writer would wait for the lock (5 s), then given up.
    expect(attempts).toBeGreaterThan(2);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).nextPostNumber).toBe(before + 10 * attempts);
  });
});
