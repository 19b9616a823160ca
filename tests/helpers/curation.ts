import { installPageCacheHooks } from "@/lib/cache";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "./factories";

/** A signed-in person as lib/ sees them (the session's id and role). */
export async function actor(role: Role) {
  const user = await createUser(db, { role });
  return { id: user.id, role, username: user.username };
}

/**
 * Records what writes name as changed, as the production server's response
 * cache would hear it; `stop()` removes the hooks again (call it in afterEach).
 */
export function recordInvalidations() {
  const invalidated: string[][] = [];
  installPageCacheHooks({ currentRender: () => undefined, invalidate: (changed) => void invalidated.push([...changed]) });
  return { invalidated, stop: () => installPageCacheHooks(undefined) };
}

/** The audit entries written since entry `afterId`, oldest first, their JSON read back. */
export async function auditSince(afterId: number) {
  const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}

export async function lastAuditId(): Promise<number> {
  return (await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
}
