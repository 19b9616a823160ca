import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as forgot } from "@/app/api/account/forgot/route";
import { POST as signup } from "@/app/api/account/signup/route";
import { createUser, uniqueName } from "../helpers/factories";
import { postJson } from "../helpers/json-request";
import { mailTo, waitForMail } from "../helpers/mailbox";
import { freshTmpDir } from "../helpers/paths";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

// A mail server that delivers nothing until the test says so: if the answer
// waited on the mail, a known address would not be answered at all until then
// (and the test would time out), while an unknown one would. Sign-up mails
// both kinds of address, but different mails: neither answer waits for its own.
const mailDir = freshTmpDir("held-smtp");
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink(mailDir, { holdMessages: true });
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  smtp.release();
  await smtp.close();
});

async function answer(email: string, handler = forgot, fields = {}) {
  const response = await postJson(handler, { ...fields, email });
  return { status: response.status, body: await response.text() };
}

describe("asking for a reset link", () => {
  it("answers a known address before its mail is delivered, in the same words as an unknown one", async () => {
    const user = await createUser(db);
    const known = await answer(user.email);
    const unknown = await answer(`${uniqueName("nobody")}@example.com`);
    expect(known.status).toBe(202);
    expect(known).toEqual(unknown);
    expect(await mailTo(user.email, mailDir)).toEqual([]);

    smtp.release();
    const mail = await waitForMail(user.email, { dir: mailDir });
    expect(mail.subject).toBe("Reset your Quire password");
  });
});

describe("signing up", () => {
  it("answers an address with an account before the owner's note is delivered, in the same words as a new one", async () => {
    smtp.hold();
    const owner = await createUser(db);
    const fields = () => ({ username: uniqueName("reader"), password: "a fine long passphrase" });
    const fresh = `${uniqueName("new")}@example.com`;
    const taken = await answer(owner.email, signup, fields());
    const unknown = await answer(fresh, signup, fields());
    expect(taken.status).toBe(202);
    expect(taken).toEqual(unknown);
    expect(await mailTo(owner.email, mailDir)).toEqual([]);
    expect(await mailTo(fresh, mailDir)).toEqual([]);

    smtp.release();
    expect((await waitForMail(owner.email, { dir: mailDir })).subject).toMatch(/tried to sign up/);
    expect((await waitForMail(fresh, { dir: mailDir })).subject).toBe("Confirm your Quire account");
  });
});
