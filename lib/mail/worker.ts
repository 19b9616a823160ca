import "server-only";
import { runEvery } from "@/lib/interval";
import { deliverQueuedMail } from "./outbox";
import { queueThreadDigests } from "@/lib/subscriptions/digests";

/**
 * The mail worker inside the server process: every second it queues the
 * discussion digests that are due and sends what the outbox holds (retries
 * after an SMTP outage, and whatever a previous process left when it stopped).
 * Returns a function that stops it.
 */
export function startMailWorker(intervalMs = 1000): () => void {
  return runEvery(intervalMs, "The mail worker", async () => {
    await queueThreadDigests();
    await deliverQueuedMail();
  });
}
