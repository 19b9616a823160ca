import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { freePort } from "./free-port";
import { ROOT } from "./paths";
import { createDatabase } from "./test-database";

export type ProductionServer = { baseURL: string; databaseUrl: string; stop(): void; kill(): void };

/**
 * Starts the production server as a user would (`npm start`) on a free port
 * of 127.0.0.1 and the data folder `dir`, so the server command itself
 * migrates and seeds its database; resolves once it answers. Its output goes
 * to `dir`/server.log. Its database is a new, empty one (a file in `dir`, or a
 * PostgreSQL database under TEST_POSTGRES_URL) unless `env` names one, as a
 * restart of the same site or a second process of it does.
 */
export async function startProductionServer(dir: string, env: Record<string, string>): Promise<ProductionServer> {
  const databaseUrl = env.DATABASE_URL ?? (await existingOrNewDatabase(dir));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dir, "server.log"), "a");
  const server = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SITE_URL: baseURL,
      QUIRE_DATA_DIR: dir,
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: "",
      ...env,
      DATABASE_URL: databaseUrl,
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early; see ${dir}/server.log`);
    const answered = await fetch(`${baseURL}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`server did not start; see ${dir}/server.log`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, name);
    } catch {
      // Already gone.
    }
  };
  return {
    baseURL,
    databaseUrl,
    stop: () => signal("SIGTERM"),
    /** As a crash or the OOM killer would: no chance to finish anything. */
    kill: () => signal("SIGKILL"),
  };
}

/** The database a data folder's site uses: made on its first start, remembered in the folder for a restart. */
async function existingOrNewDatabase(dir: string): Promise<string> {
  const remembered = path.join(dir, "database-url");
  if (fs.existsSync(remembered)) return fs.readFileSync(remembered, "utf8");
  const url = await createDatabase(dir, { prefix: "server" });
  fs.writeFileSync(remembered, url);
  return url;
}
