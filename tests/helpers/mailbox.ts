import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { simpleParser, type ParsedMail } from "mailparser";

export type ReceivedMail = { file: string; to: string; subject: string; text: string; html: string; parsed: ParsedMail };

async function readAll(dir: string): Promise<ReceivedMail[]> {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .sort()
    : [];
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(fs.readFileSync(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
      return { file, to, subject: parsed.subject ?? "", text: parsed.text ?? "", html: parsed.html || "", parsed };
    }),
  );
}

/** Every message the test SMTP server received for this address so far. */
export async function mailTo(address: string, dir = inject("mailDir")): Promise<ReceivedMail[]> {
  return (await readAll(dir)).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
}

/**
 * Waits (up to `timeoutMs`) for the n-th message to an address to arrive at the
 * SMTP server, or in another folder of .eml files (e.g. the outbox).
 */
export async function waitForMail(
  address: string,
  { count = 1, timeoutMs = 15_000, dir }: { count?: number; timeoutMs?: number; dir?: string } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await mailTo(address, dir);
    if (messages.length >= count) return messages[count - 1]!;
    if (Date.now() > deadline) throw new Error(`no email #${count} for ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
