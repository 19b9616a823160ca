import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { siteUrl } from "@/lib/config";
import { NotFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/events";
import { assertCanAdminister } from "@/lib/editorial/permissions";
import type { Actor } from "@/lib/moderation/permissions";
import { sendMail, type OutgoingMail } from "./send";

/**
 * Every email Quire sends goes through this outbox. It is written in the same
 * transaction as the event that causes it (a reset link with its token, a
 * mention with the post), so a crash either keeps both or neither; a sender
 * then takes it out: at once for the process that queued it (a reset link is
 * not slowed down), and every second from the worker inside the server, which
 * retries with backoff through an SMTP outage and after a restart.
 *
 * A message is claimed before it is sent (a lease in `claimedUntil`), so two
 * senders, in one process or several, never send it both. It is marked sent
 * right after the SMTP server accepted it; only a crash in that instant can
 * send it again once its lease ends, and then with the same Message-ID, by
 * which mail programs recognise the copy.
 */

export type MailKind =
  | "password-reset"
  | "password-changed"
  | "signup-confirm"
  | "signup-attempt"
  | "mention"
  | "thread-digest"
  | "subscription-confirm";

const MAX_ATTEMPTS = 8;
/** Long enough for any SMTP conversation; a sender that died holding a message lets go of it after this. */
const LEASE_MS = 60_000;
const BATCH = 20;

/** First retry after this many seconds, then twice as long each time, at most an hour: about 2 hours of tries in all. */
function retryBaseMs(): number {
  const seconds = Number(process.env.QUIRE_MAIL_RETRY_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 30) * 1000;
}

export function retryDelayMs(attempts: number): number {
  return Math.min(retryBaseMs() * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

const storedContent = z.object({
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
});

/**
 * Queues an email inside `tx`. With a `dedupeKey`, queueing the same event
 * twice (a retried request, an approval repeated) keeps the first message.
 * Call `deliverQueuedMail()` after the commit.
 */
export async function queueMail(tx: Tx, kind: MailKind, mail: OutgoingMail, dedupeKey?: string): Promise<void> {
  const content = JSON.stringify({ text: mail.text, html: mail.html, headers: mail.headers });
  const data = { kind, to: mail.to, subject: mail.subject, content };
  if (dedupeKey) await tx.outboxMessage.upsert({ where: { dedupeKey }, create: { ...data, dedupeKey }, update: {} });
  else await tx.outboxMessage.create({ data });
}

function messageId(id: number, createdAt: Date): string {
  return `<outbox-${id}-${createdAt.getTime()}@${new URL(siteUrl()).hostname}>`;
}

/** Claims one due message for this sender, or returns null if someone else has it or it is not due. */
async function claim(id: number, now: Date) {
  const claimed = await db.outboxMessage.updateMany({
    where: { id, status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return null;
  return db.outboxMessage.findUnique({ where: { id } });
}

async function sendOne(id: number, now: Date): Promise<"sent" | "failed" | "skipped"> {
  const message = await claim(id, now);
  if (!message) return "skipped";
  try {
    const content = storedContent.parse(JSON.parse(message.content));
    await sendMail({ to: message.to, subject: message.subject, ...content, messageId: messageId(message.id, message.createdAt) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    const givingUp = message.attempts >= MAX_ATTEMPTS;
    await db.outboxMessage.update({
      where: { id },
      data: {
        status: givingUp ? "FAILED" : "PENDING",
        nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)),
        claimedUntil: null,
        lastError: reason.slice(0, 500),
      },
    });
    // The reason only: the message may carry a reset link.
    console.error(`Could not send email ${id} (${message.kind}), attempt ${message.attempts}: ${reason}`);
    return "failed";
  }
  // Sent: what it said is erased, since it may hold a secret such as a reset link.
  await db.outboxMessage.update({
    where: { id },
    data: { status: "SENT", sentAt: new Date(), claimedUntil: null, content: "{}", lastError: null },
  });
  return "sent";
}

/** Sends every message that is due now. Never throws; returns how many went out. */
export async function deliverQueuedMail(now = new Date()): Promise<number> {
  let sent = 0;
  try {
    for (;;) {
      const due = await db.outboxMessage.findMany({
        where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true },
      });
      const results = [];
      for (const { id } of due) results.push(await sendOne(id, now));
      sent += results.filter((r) => r === "sent").length;
      // Failed ones are not due again before their backoff; stop when a batch made no progress.
      if (due.length < BATCH || results.every((r) => r !== "sent")) return sent;
    }
  } catch (error) {
    console.error("The outbox could not be read; trying again shortly:", error);
    return sent;
  }
}

/** An admin sends a message that failed for good once more, from the first try's backoff. */
export async function retryFailedMail(actor: Actor, id: number): Promise<void> {
  const admin = assertCanAdminister(actor);
  await db.$transaction(async (tx) => {
    const retried = await tx.outboxMessage.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedUntil: null },
    });
    if (retried.count === 0) throw new NotFound("That email is not among the failed ones any more. Reload the page.");
    await recordAuditEvent(tx, {
      actorId: admin.id,
      action: "mail.retry",
      subjectType: "mail",
      subjectId: id,
      summary: `Email ${id} is to be sent again.`,
    });
  });
  void deliverQueuedMail();
}

/** What admins see on /admin/mail: what has not gone out, newest first, and the totals. Never the content. */
export async function listUndeliveredMail(actor: Actor) {
  assertCanAdminister(actor);
  const [messages, counts] = await Promise.all([
    db.outboxMessage.findMany({
      where: { status: { in: ["PENDING", "FAILED"] } },
      orderBy: { id: "desc" },
      take: 100,
      select: {
        id: true,
        kind: true,
        to: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        createdAt: true,
      },
    }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const total = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return { messages, sent: total("SENT"), pending: total("PENDING"), failed: total("FAILED") };
}
