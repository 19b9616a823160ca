import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  port: number;
  /** With `holdMessages`: accepts every message received so far and every later one. */
  release: () => void;
  /** Holds messages again, as `holdMessages` did, until the next `release()`. */
  hold: () => void;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 that accepts every message and stores it as
 * an .eml file in `dir`, where tests in any process can read it. With
 * `holdMessages`, it keeps each message's sender waiting for the server's
 * answer, and stores nothing, until `release()`: a mail server that has not
 * delivered yet, for as long as the test needs, without any clock.
 */
export async function startSmtpSink(dir: string, { holdMessages = false }: { holdMessages?: boolean } = {}): Promise<SmtpSink> {
  fs.mkdirSync(dir, { recursive: true });
  let held: (() => void)[] | null = holdMessages ? [] : null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const accept = () => {
          fs.writeFileSync(path.join(dir, `${Date.now()}-${crypto.randomBytes(4).toString("hex")}.eml`), Buffer.concat(chunks));
          callback();
        };
        if (held) held.push(accept);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const accept of waiting) accept();
    },
    hold: () => {
      held ??= [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
