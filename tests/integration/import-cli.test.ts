import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IMPORT_FIXTURES, rowCounts } from "../helpers/import";
import { bin, freshTmpDir, ROOT } from "../helpers/paths";

// `npm run import` and `npm run export`, run as the commands they are (tsx, as
// package.json runs them) on this file's database: the report, the progress,
// the exit codes.

const run = promisify(execFile);
const script = (name: "import" | "export", args: string[]) =>
  run(bin("tsx"), ["--conditions=react-server", path.join(ROOT, "scripts", `${name}.mts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, QUIRE_DATA_DIR: process.env.QUIRE_DATA_DIR },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

const dir = freshTmpDir("import-cli");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run import", () => {
  const evanlin = path.join(IMPORT_FIXTURES, "disqus/valid/evanlin_20210517.xml");

  it("imports a long file, showing progress on stderr and the report on stdout, and exits 0", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await script("import", [evanlin]);
    expect(code).toBe(0);
    expect(stderr).toContain("Read the file: 2,519 threads, 189 comments.");
    expect(stderr).toMatch(/^ {2}100 of 219$/m);
    expect(stdout).toContain("Imported 51 articles (51 published, 0 not public) and 168 posts (168 approved");
    expect(stdout).toMatch(/13 {2}spam/);
    expect(await db.comment.count()).toBe(168);
  });

  it("says there is nothing new the second time, and exits 0", { timeout: 60_000 }, async () => {
    const { code, stdout } = await script("import", [evanlin]);
    expect(code).toBe(0);
    expect(stdout).toContain("Nothing new to import: 51 articles and 168 posts from this file were imported before.");
  });

  it("refuses a malformed file with a sentence, exits 1 and leaves the database as it was", { timeout: 60_000 }, async () => {
    const before = await rowCounts(db);
    const { code, stdout, stderr } = await script("import", [path.join(IMPORT_FIXTURES, "wxr/malformed/malformed.xml")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^Import refused: The file is not well-formed XML \(Unexpected close tag at line 90, column \d+\)\. Nothing was imported\.$/m,
    );
    expect(await rowCounts(db)).toEqual(before);
  });

  it("explains its usage, and exits 2, when no file is named", async () => {
    const { code, stderr } = await script("import", []);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run import -- [--pages] <export.xml>");
  });
});

describe("npm run export", () => {
  it("writes the site to the file named, as WXR or JSON", { timeout: 60_000 }, async () => {
    const out = path.join(dir, "site.json");
    const { code, stderr } = await script("export", ["--format", "json", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`Exported 51 articles and 168 posts as JSON to ${out}.`);
    const site = JSON.parse(fs.readFileSync(out, "utf8")) as { articles: { posts: unknown[] }[] };
    expect(site.articles.flatMap((article) => article.posts)).toHaveLength(168);
  });

  it("refuses a format it does not write, and exits 2", async () => {
    const { code, stderr } = await script("export", ["--format", "csv"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Choose the format: wxr (for WordPress) or json.");
  });
});
