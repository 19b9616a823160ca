import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { mailFrom, OUTBOX_DIR, smtpUrl } from "@/lib/config";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Set by the outbox, the same on every try, so a copy sent twice is recognisable as one message. */
  messageId?: string;
};

let smtpTransport: { url: string; transport: Transporter } | undefined;

function transport(): Transporter | undefined {
  const url = smtpUrl();
  if (!url) return undefined;
  if (smtpTransport?.url !== url) smtpTransport = { url, transport: nodemailer.createTransport(url) };
  return smtpTransport.transport;
}

/**
 * The transport under the outbox (lib/mail/outbox.ts), which is what the rest
 * of Quire calls. Sends a message through SMTP_URL, or, when none is configured (the default
 * for `npm start`), writes it to ./data/outbox as an .eml file so a newcomer
 * can still follow a reset link. The log names the file, never its contents:
 * messages carry secrets such as reset tokens.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const message = { from: mailFrom(), ...mail };
  const smtp = transport();
  if (smtp) {
    await smtp.sendMail(message);
    return;
  }
  const composed = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  await fs.mkdir(OUTBOX_DIR, { recursive: true });
  const file = path.join(
    OUTBOX_DIR,
    `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`,
  );
  await fs.writeFile(file, composed.message as Buffer, { mode: 0o600 });
  console.log(`No SMTP_URL set: wrote an email to ${file}`);
}

/** Logs that a mail failed without the mail itself, which may carry a token: for mail sent after the answer. */
export function logMailFailure(what: string) {
  return (error: unknown) => {
    console.error(`Could not send ${what}: ${error instanceof Error ? error.message : "unknown error"}`);
  };
}
