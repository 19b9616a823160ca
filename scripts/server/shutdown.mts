// How the production server stops on SIGTERM (systemd, docker stop) or SIGINT
// (Ctrl-C): it stops accepting connections at once, lets every request it has
// begun finish and send its whole answer, then closes its connections, the
// database (which checkpoints the WAL into the database file) and exits 0.
import type http from "node:http";

/** A request still running this long after the signal is cut off: systemd's own stop timeout is 90 s. */
const DEFAULT_GRACE_MS = 20_000;

type DrainOptions = {
  /** Runs once every connection is closed: the database, before the process exits. */
  close: () => Promise<void>;
  graceMs?: number;
};

export function drainOnSignals(server: http.Server, { close, graceMs = DEFAULT_GRACE_MS }: DrainOptions): void {
  let inFlight = 0;
  let draining = false;

  // Counted from the first request, so the drain knows when the last answer is out.
  // Not per connection: a keep-alive connection between requests, or one that has
  // sent nothing yet, has nothing to wait for.
  server.on("request", (_request, response: http.ServerResponse) => {
    inFlight++;
    response.once("close", () => {
      inFlight--;
      if (draining && inFlight === 0) closeConnections();
    });
  });

  // Node's server.close() closes idle keep-alive connections only once; a
  // connection whose answer finishes later would hold the process open for the
  // keep-alive timeout. 'close' fires after the answer is handed to the kernel,
  // so closing the socket then loses none of it.
  const closeConnections = () => setImmediate(() => server.closeAllConnections());

  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    close().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error("Closing the database failed:", error);
        process.exit(1);
      },
    );
  };

  const stop = (signal: NodeJS.Signals) => {
    if (draining) {
      console.log(`${signal} again: stopping now.`);
      process.exit(1);
    }
    draining = true;
    server.close(() => exit(0));
    console.log(`${signal}: finishing ${inFlight} request(s) in progress, then stopping.`);
    if (inFlight === 0) closeConnections();
    setTimeout(() => {
      console.error(`${inFlight} request(s) still running after ${graceMs / 1000} s were cut off.`);
      server.closeAllConnections();
      exit(1);
    }, graceMs).unref();
  };

  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
