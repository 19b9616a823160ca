import "server-only";
import { deliverQueuedMail } from "./outbox";
import { queueThreadDigests } from "@/lib/subscriptions/digests";

/**
 * The mail worker inside the server process: every second it queues the
 * discussion digests that are due and sends what the outbox holds (retries
 * after an SMTP outage, and whatever a previous process left when it stopped).
 * Returns a function that stops it.
 */
export function startMailWorker(intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    queueThreadDigests()
      .then(() => deliverQueuedMail())
      .catch((error: unknown) => console.error("The mail worker failed; trying again shortly:", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
