import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 that accepts every message and stores it as
 * an .eml file in `dir`, where tests in any process can read it. With
 * `delayMs`, each message is accepted only after that long, like a slow server.
 */
export async function startSmtpSink(
  dir: string,
  { delayMs = 0 }: { delayMs?: number } = {},
): Promise<{ port: number; close: () => Promise<void> }> {
  fs.mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const name = `${Date.now()}-${crypto.randomBytes(4).toString("hex")}.eml`;
        // A slow mail server (delayMs) answers only after the delay, then keeps the message.
        setTimeout(() => {
          fs.writeFileSync(path.join(dir, name), Buffer.concat(chunks));
          callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
