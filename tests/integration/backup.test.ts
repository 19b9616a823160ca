import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db, dialect } from "@/lib/db";
import { createArticle, createPendingComment, createUser } from "../helpers/factories";
import { bin, freshTmpDir, ROOT } from "../helpers/paths";

// `npm run backup` and `npm run restore`, run as the commands they are, on a
// real SQLite file that keeps taking writes while the backup is made.

const run = promisify(execFile);
const script = (name: string, args: string[], env: Record<string, string | undefined>) =>
  run(bin("tsx"), [path.join(ROOT, "scripts", `${name}.mts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
  );

const liveEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL, QUIRE_DATA_DIR: process.env.QUIRE_DATA_DIR });
const freshSite = () => {
  const dir = freshTmpDir("restored");
  return { dir, env: { QUIRE_DATA_DIR: dir, DATABASE_URL: undefined } };
};

// On PostgreSQL a site is backed up with pg_dump (README: Deploying on PostgreSQL); npm run backup refuses.
describe.skipIf(dialect !== "sqlite")("backing up while the site takes posts, and restoring", () => {
  it("keeps every post acknowledged before the backup, the pictures, and a sound database", { timeout: 90_000 }, async () => {
    const author = await createUser(db);
    const article = await createArticle(db, { authorId: author.id });
    const picture = path.join(process.env.QUIRE_DATA_DIR!, "uploads", "images", "0123456789abcdef01234567", "480.webp");
    fs.mkdirSync(path.dirname(picture), { recursive: true });
    fs.writeFileSync(picture, "picture bytes");

    const acknowledged: number[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        acknowledged.push((await createPendingComment(db, { articleId: article.id })).id);
        // The adapter answers synchronously: let the event loop hear from the backup process too.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 10));
    const beforeBackup = [...acknowledged];
    const backups = freshTmpDir("backups");
    const backup = await script("backup", [backups], liveEnv());
    const duringBackup = acknowledged.length - beforeBackup.length;
    writing = false;
    await writer;
    expect(backup.code, backup.output).toBe(0);
    expect(duringBackup).toBeGreaterThan(0);
    const [file] = fs.readdirSync(backups);
    expect(file).toMatch(/^quire-.*\.tar\.gz$/);
    expect(backup.output).toContain("1 picture files");

    const site = freshSite();
    const restore = await script("restore", [path.join(backups, file!)], site.env);
    expect(restore.code, restore.output).toBe(0);
    const restored = new Database(path.join(site.dir, "quire.db"), { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    const ids = new Set((restored.prepare('SELECT id FROM "Comment"').all() as { id: number }[]).map((row) => row.id));
    restored.close();
    expect(beforeBackup.filter((id) => !ids.has(id))).toEqual([]);
    expect(fs.readFileSync(path.join(site.dir, "uploads", "images", "0123456789abcdef01234567", "480.webp"), "utf8")).toBe(
      "picture bytes",
    );
    console.log(`backup under load: ${beforeBackup.length} posts before, ${duringBackup} during; ${ids.size} in the backup`);
  });

  it("refuses a file that is not a backup, and changes nothing", async () => {
    const site = freshSite();
    fs.writeFileSync(path.join(site.dir, "quire.db"), "the current site");
    const junk = path.join(site.dir, "junk.tar.gz");
    fs.writeFileSync(junk, "this is not an archive at all");
    const refused = await script("restore", [junk], site.env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Restore failed, nothing was changed: .*not a Quire backup/);
    expect(fs.readFileSync(path.join(site.dir, "quire.db"), "utf8")).toBe("the current site");
  });

  it("refuses an archive whose database is not Quire's, or is missing", async () => {
    const site = freshSite();
    const other = freshTmpDir("other");
    const foreign = new Database(path.join(other, "quire.db"));
    foreign.exec("CREATE TABLE notes (text TEXT)");
    foreign.close();
    const tar = await import("tar");
    const archive = path.join(other, "foreign.tar.gz");
    await tar.create({ gzip: true, file: archive, cwd: other }, ["quire.db"]);
    const refused = await script("restore", [archive], site.env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("it is not a Quire database");
    expect(fs.existsSync(path.join(site.dir, "quire.db"))).toBe(false);
    expect((await script("restore", [], site.env)).code).toBe(2);
  });
});
