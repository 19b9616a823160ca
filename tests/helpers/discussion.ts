import crypto from "node:crypto";
import { db } from "@/lib/db";
import { OUTBOX_DIR } from "@/lib/config";
import { updateSiteSettings } from "@/lib/settings/queries";
import type { SiteSettings } from "@/lib/settings/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { newCommentSchema } from "@/lib/discussion/schema";
import { DomainError } from "@/lib/errors";
import { createArticle, createUser } from "./factories";
import { mailTo, type ReceivedMail } from "./mailbox";
import { createTrustedReader } from "./posts";

// Helpers for the discussion's integration tests, which call lib/discussion directly.

/** A made-up address hash: each call is a different reader's address. */
export const ip = () => crypto.randomBytes(8).toString("hex");

export const asActor = (user: { id: number; username: string; role: SessionUser["role"] }): SessionUser => ({
  id: user.id,
  username: user.username,
  role: user.role,
  bannedUntil: null,
  banReason: null,
});

export const input = (body: string, anonymous = false) => newCommentSchema.parse({ body, anonymous });

export async function newThread(options: { discussionOpen?: boolean } = {}) {
  const author = await createUser(db, { role: "EDITOR" });
  return createArticle(db, { authorId: author.id, ...options });
}

/** A reader whose earlier post a moderator approved, so their posts no longer wait. */
export const trustedReader = async () => asActor(await createTrustedReader(db, (await newThread()).id));

/** The DomainError a call was refused with (fails the test if it was not refused). */
export async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string; fields?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, message: error.message, fields: (error as { fields?: unknown }).fields };
}

export async function withSettings<T>(changes: Partial<SiteSettings>, run: () => Promise<T>): Promise<T> {
  await updateSiteSettings(changes);
  try {
    return await run();
  } finally {
    await db.siteSetting.deleteMany({ where: { key: { in: Object.keys(changes) } } });
  }
}

/** The first mail to `to` in the outbox (where mail goes with no SMTP_URL), or null after the timeout. */
export async function waitForOutboxMail(to: string, timeoutMs = 5000): Promise<ReceivedMail | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await mailTo(to, OUTBOX_DIR);
    if (mail) return mail;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}
