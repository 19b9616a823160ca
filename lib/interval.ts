/**
 * Runs `task` every `intervalMs` inside the server process, never two at once
 * (a slow round makes the next one wait rather than pile up), and keeps going
 * after a failure, which it logs with `what`. The timer does not keep the
 * process alive. Returns a function that stops it.
 */
export function runEvery(intervalMs: number, what: string, task: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => console.error(`${what} failed; trying again shortly:`, error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
