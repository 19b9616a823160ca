// `npm run audit:deps`: npm's advisory check of what production installs
// (`npm audit --omit=dev`), in CI. It fails on any finding of moderate severity
// or worse, unless the finding is in ACCEPTED with the reason the README gives.
// When the advisory endpoint cannot be reached (these build machines see only
// the registry's GET API, and the bulk advisory endpoint is a POST: 405), it
// says so and passes: an audit that could not run is reported, not faked.
import { spawnSync } from "node:child_process";

/** Advisories looked at and accepted: package name → the README's reason. Empty: none so far. */
const ACCEPTED = {};
const BLOCKING = new Set(["moderate", "high", "critical"]);

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit gave no report (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
if (report.statusCode || report.error || report.message) {
  const reason = report.message ?? report.error?.summary ?? `status ${report.statusCode}`;
  console.log(`Dependency audit skipped: npm's advisory endpoint could not be reached (${reason}).`);
  process.exit(0);
}
const findings = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity) && !(v.name in ACCEPTED));
for (const v of findings)
  console.error(
    `${v.severity}: ${v.name} ${v.range} (${[v.via]
      .flat()
      .map((x) => x.title ?? x)
      .join("; ")})`,
  );
console.log(`Dependency audit: ${findings.length} unaccepted finding(s) of moderate severity or worse.`);
process.exit(findings.length ? 1 : 0);
