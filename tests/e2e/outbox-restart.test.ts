import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshTmpDir } from "../helpers/paths";
import { freePort } from "../helpers/free-port";
import { connectDatabase } from "@/lib/db/connect";
import { startProductionServer, type ProductionServer } from "../helpers/production-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { mailTo, waitForMail } from "../helpers/mailbox";

// Emails queued while the mail server is down survive a killed server: after
// the restart, with SMTP back, each is sent exactly once.

const dir = freshTmpDir("outbox-restart");
const mailDir = path.join(dir, "mail");
let server: ProductionServer | undefined;
let sink: SmtpSink | undefined;

afterAll(async () => {
  server?.stop();
  await sink?.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(dir, { recursive: true, force: true });
});

const DEMO_EMAILS = ["reader@example.com", "moderator@example.com", "editor@example.com"];

/** The outbox as the site's database holds it, read on a connection of its own. */
async function outbox() {
  const db = connectDatabase(server!.databaseUrl);
  try {
    return await db.outboxMessage.findMany({ select: { to: true, status: true, attempts: true }, orderBy: { id: "asc" } });
  } finally {
    await db.$disconnect();
  }
}

describe("the outbox across a crash", () => {
  it("sends every email queued before a SIGKILL exactly once after the restart", async () => {
    const closedPort = await freePort(); // no mail server listens here yet
    const env = { QUIRE_MAIL_RETRY_SECONDS: "1", MAIL_FROM: "Quire <no-reply@quire.test>" };
    server = await startProductionServer(dir, { ...env, SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
    for (const email of DEMO_EMAILS) {
      const answer = await fetch(`${server.baseURL}/api/account/forgot`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      expect(answer.status).toBe(202);
    }
    // Tried and failed (SMTP is down), so they wait in the outbox.
    const deadline = Date.now() + 10_000;
    while ((await outbox()).filter((m) => m.attempts > 0).length < DEMO_EMAILS.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await outbox()).map((m) => [m.to, m.status])).toEqual(DEMO_EMAILS.map((to) => [to, "PENDING"]));
    server.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    sink = await startSmtpSink(mailDir);
    server = await startProductionServer(dir, { ...env, SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    for (const email of DEMO_EMAILS) await waitForMail(email, { dir: mailDir, timeoutMs: 30_000 });
    // Time for a second copy to arrive, if one were coming: the worker runs every second.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    for (const email of DEMO_EMAILS) {
      const received = await mailTo(email, mailDir);
      expect(
        received.map((m) => m.subject),
        email,
      ).toEqual(["Reset your Quire password"]);
    }
    expect((await outbox()).every((m) => m.status === "SENT")).toBe(true);
  }, 180_000);
});
