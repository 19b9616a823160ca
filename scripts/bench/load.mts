// A small closed-loop HTTP load generator: `connections` keep-alive clients each
// send GET requests back to back for `seconds`. Prints one JSON line of results.
// It runs in its own process so the server under test has its own event loop.
import http from "node:http";

const [url, connectionsArg = "32", secondsArg = "10"] = process.argv.slice(2);
if (!url) throw new Error("usage: load.mts <url> [connections] [seconds]");
const connections = Number(connectionsArg);
const deadline = performance.now() + Number(secondsArg) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
const statuses = new Map<number, number>();
let bytes = 0;
let errors = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.get(url!, { agent }, (response) => {
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        latencies.push(performance.now() - started);
        statuses.set(response.statusCode ?? 0, (statuses.get(response.statusCode ?? 0) ?? 0) + 1);
        resolve();
      });
    });
    request.on("error", () => {
      errors++;
      resolve();
    });
  });
}

async function client() {
  while (performance.now() < deadline) await once();
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, client));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    statuses: Object.fromEntries(statuses),
    requestsPerSecond: latencies.length / elapsed,
    megabytesPerSecond: bytes / elapsed / 1e6,
    p50ms: pct(50),
    p99ms: pct(99),
  }),
);
agent.destroy();
