import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverQueuedMail, listUndeliveredMail, queueMail, retryFailedMail } from "@/lib/mail/outbox";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { freePort } from "../helpers/free-port";
import { mailTo, waitForMail } from "../helpers/mailbox";
import { createUser } from "../helpers/factories";
import { asActor, ip, refusal } from "../helpers/discussion";

// The outbox: an email is kept with the event that causes it, survives an SMTP
// outage, is sent once however many senders try, and an admin can send a failed one again.

const sinks: SmtpSink[] = [];
const previousSmtp = process.env.SMTP_URL;

async function smtpSink() {
  const dir = fs.mkdtempSync(path.join(process.env.QUIRE_DATA_DIR!, "smtp-"));
  const sink = await startSmtpSink(dir);
  sinks.push(sink);
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  return { dir, sink };
}

afterEach(async () => {
  for (const sink of sinks.splice(0)) await sink.close();
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtp;
});

const mail = (to: string, subject = "Hello") => ({ to, subject, text: `Text for ${to}`, html: `<p>Text for ${to}</p>` });
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("the outbox", () => {
  it("keeps an email only if the event that caused it commits", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, "mention", mail("rolled-back@example.com"));
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.outboxMessage.count({ where: { to: "rolled-back@example.com" } })).toBe(0);
  });

  it("keeps an email through an SMTP outage, retries later with backoff, sends it once, and forgets what it said", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nobody listens there
    await db.$transaction((tx) => queueMail(tx, "mention", mail("outage@example.com")));
    expect(await deliverQueuedMail()).toBe(0);
    const waiting = await db.outboxMessage.findFirstOrThrow({ where: { to: "outage@example.com" } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    const { dir } = await smtpSink();
    // Not due yet: the backoff holds even though SMTP is back.
    expect(await deliverQueuedMail()).toBe(0);
    expect(await deliverQueuedMail(later(1))).toBe(1);
    expect(await deliverQueuedMail(later(60))).toBe(0);
    const received = await mailTo("outage@example.com", dir);
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed.messageId).toMatch(new RegExp(`^<outbox-${waiting.id}-`));
    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, content: "{}" });
  });

  it("sends each email once when several senders run at the same moment", async () => {
    const { dir } = await smtpSink();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await queueMail(tx, "mention", mail(`race-${i}@example.com`));
    });
    const sent = await Promise.all([deliverQueuedMail(), deliverQueuedMail(), deliverQueuedMail()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(6);
    for (let i = 0; i < 6; i++) expect(await mailTo(`race-${i}@example.com`, dir)).toHaveLength(1);
  });

  it("queues an event's email once however often the event is replayed", async () => {
    for (let i = 0; i < 3; i++)
      await db.$transaction((tx) => queueMail(tx, "mention", mail("replayed@example.com"), "mention:replayed"));
    expect(await db.outboxMessage.count({ where: { to: "replayed@example.com" } })).toBe(1);
  });

  it("gives up after its retries, and an admin, and only an admin, can send it again", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    await db.$transaction((tx) => queueMail(tx, "password-reset", mail("given-up@example.com", "Reset")));
    for (let hour = 1; hour <= 10; hour++) await deliverQueuedMail(later(hour * 61));
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { to: "given-up@example.com" } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 8 });

    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const listed = await listUndeliveredMail(admin);
    expect(listed.messages.find((m) => m.id === failed.id)).toMatchObject({ status: "FAILED", subject: "Reset" });
    expect(JSON.stringify(listed)).not.toContain("Text for given-up");

    for (const role of ["READER", "MODERATOR", "EDITOR"] as const) {
      const someone = asActor(await createUser(db, { role }));
      expect((await refusal(retryFailedMail(someone, failed.id))).status).toBe(403);
      expect((await refusal(listUndeliveredMail(someone))).status).toBe(403);
    }
    expect((await refusal(retryFailedMail(null, failed.id))).status).toBe(401);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");

    const { dir } = await smtpSink();
    await retryFailedMail(admin, failed.id);
    await deliverQueuedMail();
    await waitForMail("given-up@example.com", { dir, timeoutMs: 5000 });
    expect(await mailTo("given-up@example.com", dir)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "mail.retry", subjectId: failed.id } })).toBe(1);
    expect((await refusal(retryFailedMail(admin, failed.id))).status).toBe(404);
  });

  it("still sends a reset link at once when SMTP is up: the request's delivery includes it", async () => {
    const { dir } = await smtpSink();
    const user = await createUser(db);
    const { delivered } = await requestPasswordReset({ email: user.email }, ip());
    await delivered;
    expect(await mailTo(user.email, dir)).toHaveLength(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: user.email } })).status).toBe("SENT");
  });
});
