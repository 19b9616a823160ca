import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as forgot } from "@/app/api/account/forgot/route";
import { createUser, uniqueName } from "../helpers/factories";
import { postJson } from "../helpers/json-request";
import { waitForMail } from "../helpers/mailbox";
import { freshTmpDir } from "../helpers/paths";
import { startSmtpSink } from "../helpers/smtp-sink";

// A mail server that takes 1.5 s to accept each message: if the answer
// waited on the mail, a known address would answer that much later.
const MAIL_DELAY_MS = 1500;
const mailDir = freshTmpDir("slow-smtp");
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink(mailDir, { delayMs: MAIL_DELAY_MS });
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

async function timedAnswer(email: string) {
  const started = performance.now();
  const response = await postJson(forgot, { email });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

describe("asking for a reset link", () => {
  it("answers a known address without waiting for the mail, as fast as an unknown one", async () => {
    const user = await createUser(db);
    const nobody = `${uniqueName("nobody")}@example.com`;
    await timedAnswer(nobody); // warm up: the first request loads the route's modules

    const known = await timedAnswer(user.email);
    const unknown = await timedAnswer(nobody);
    expect(known.status).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.ms).toBeLessThan(MAIL_DELAY_MS / 2);

    const started = performance.now();
    const mail = await waitForMail(user.email, { dir: mailDir });
    expect(mail.subject).toBe("Reset your Quire password");
    // The mail really was slow: it arrived well after the answer.
    expect(known.ms + performance.now() - started).toBeGreaterThan(MAIL_DELAY_MS * 0.8);
  });
});
