// `npm start`: the two-command quick start. Builds once if there is no build
// (later: `npm run build`), then runs the production server in this process.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next", "quire", "main.mjs");

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(server)) {
  console.log("No production build yet: running `npm run build` once.");
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.chdir(root);
await import(server);
