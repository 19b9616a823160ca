import fs from "node:fs";
import path from "node:path";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { connectDatabase } from "@/lib/db/connect";
import { MODELS } from "@/lib/db/copy";
import { MIGRATIONS_DIRS } from "@/lib/db/migrations";
import { searchEngineFor } from "@/lib/search/engines";
import { queryWords } from "@/lib/search/schema";
import { loadContent } from "@/prisma/seed/content";
import { DEMO_PASSWORDS, seedDatabase } from "@/prisma/seed/seed";
import { bin, freshTmpDir, ROOT } from "../helpers/paths";
import { createPostgresDatabase, dropDatabase, POSTGRES_ADMIN_URL } from "../helpers/test-database";

// `npm run db:copy -- <from> <to>`, run as the command it is (tsx, as package.json
// runs it): a SQLite site with the demo content and a row in every table, copied
// to a new PostgreSQL database and back, then compared row for row; and the
// refusals, which must leave both databases as they were.

const run = promisify(execFile);
const copy = (from: string, to: string) =>
  run(bin("tsx"), [path.join(ROOT, "scripts", "db-copy.mts"), from, to], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

const dir = freshTmpDir("db-copy");
const clients: PrismaClient[] = [];
const databases: string[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  for (const url of databases) await dropDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(url: string): PrismaClient {
  const client = connectDatabase(url, { poolSize: 2 });
  clients.push(client);
  return client;
}

/** A migrated, empty SQLite file of this test's own (the migrations run once, into a file then copied). */
function migratedSqlite(name: string): string {
  const migrated = path.join(dir, "migrated.db");
  if (!fs.existsSync(migrated)) {
    execFileSync(bin("prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${migrated}` },
      stdio: "pipe",
    });
  }
  fs.copyFileSync(migrated, path.join(dir, name));
  return `file:${path.join(dir, name)}`;
}

const delegate = (db: PrismaClient, model: string) =>
  (db as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]>; count(): Promise<number> }>)[
    model[0]!.toLowerCase() + model.slice(1)
  ]!;

/** Every row of every table, each table's rows in one canonical order: two databases with the same site compare equal. */
async function everyRow(db: PrismaClient): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const model of MODELS) tables[model] = (await delegate(db, model).findMany()).map((row) => JSON.stringify(row)).sort();
  return tables;
}

async function counts(db: PrismaClient): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(MODELS.map(async (model) => [model, await delegate(db, model).count()] as const)));
}

/** The demo site, plus a row in each table the seed leaves empty: a pending post, a user with a reset link, and so on. */
async function seedSite(db: PrismaClient) {
  await seedDatabase(db, loadContent());
  const article = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
  const admin = await db.user.findUniqueOrThrow({ where: { usernameKey: "admin" } });
  const mia = await db.user.create({
    data: {
      username: "Mia_Moves",
      usernameKey: "mia_moves",
      email: "mia@example.org",
      passwordHash: await hashPassword("mia-moves-to-postgres"),
      unsubscribeKey: "mia-unsubscribe-key",
      bannedUntil: new Date("2027-01-01T00:00:00.000Z"),
      banReason: "Testing a ban survives the move",
    },
  });
  const pending = await db.comment.create({
    data: {
      articleId: article.id,
      authorId: mia.id,
      body: "A post still waiting for a moderator — ü ✓",
      bodyHash: "pending-hash",
      heldReason: "first-post",
    },
  });
  await db.passwordResetToken.create({
    data: { userId: mia.id, tokenHash: "reset-token-hash", expiresAt: new Date(Date.now() + 3600_000) },
  });
  await db.pendingSignup.create({
    data: {
      email: "new@example.org",
      username: "newcomer",
      passwordHash: "x",
      tokenHash: "signup-hash",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.articleSlug.create({ data: { slug: `${article.slug}-old`, articleId: article.id } });
  await db.articleAutosave.create({
    data: { articleId: article.id, userId: admin.id, baseRevision: 1, draft: '{"title":"Draft"}' },
  });
  await db.image.create({
    data: {
      key: "img-key",
      articleId: article.id,
      width: 800,
      height: 600,
      widths: "480,800",
      alt: "A picture",
      bytes: 1234,
      uploadedById: admin.id,
    },
  });
  await db.auditEvent.create({
    data: { actorId: admin.id, action: "user.role", subjectType: "user", subjectId: mia.id, summary: "Changed a role." },
  });
  await db.outboxMessage.create({
    data: { kind: "mention", to: "mia@example.org", subject: "Hello", content: "{}", dedupeKey: "dedupe-1" },
  });
  await db.threadSubscription.create({
    data: { articleId: article.id, userId: mia.id, unsubscribeKey: "sub-key", confirmedAt: new Date() },
  });
  await db.moderationAction.create({
    data: {
      actorId: admin.id,
      action: "ban",
      targetUserId: mia.id,
      commentId: pending.id,
      articleId: article.id,
      reason: "test",
    },
  });
  await db.siteSetting.create({ data: { key: "discussion", value: '{"open":true}' } });
  await db.rateLimit.create({ data: { key: "login:ip:abc", windowStart: new Date("2026-12-01T10:00:00.000Z"), count: 3 } });
}

describe("npm run db:copy refuses", () => {
  let source: string;
  beforeAll(async () => {
    source = migratedSqlite("refusals-source.db");
    await open(source).fact.create({ data: { slug: "one", title: "One", summary: "One fact.", body: "One." } });
  }, 60_000);

  it.concurrent.each([
    ["mysql://root@localhost/quire", 'The source URL starts with "mysql:", which is not a database Quire can use'],
    ["file:./no/such/quire.db", "The source database file"],
    ["postgresql://quire@127.0.0.1:5432", "The source URL names no database"],
    ["quire.db", 'The source "quire.db" is not a database URL'],
  ])("a source of %s with a sentence, and exits 2", async (from, sentence) => {
    const { code, stderr, stdout } = await copy(from, `file:${path.join(dir, "never.db")}`);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(sentence);
    expect(stderr).toContain("Usage: npm run db:copy -- <from> <to>");
    expect(fs.existsSync(path.join(dir, "never.db"))).toBe(false);
  });

  it("the source as its own target, however it is written", async () => {
    const relative = `file:${path.relative(ROOT, source.slice("file:".length))}`;
    const { code, stderr } = await copy(source, relative);
    expect(code).toBe(2);
    expect(stderr).toContain("The source and the target are the same database: name a new, empty database as the target.");
  });

  it("a target that holds rows, naming its tables, and changes neither database", async () => {
    const target = migratedSqlite("refusals-target.db");
    const targetDb = open(target);
    await targetDb.user.create({
      data: { username: "someone", usernameKey: "someone", email: "someone@example.org", passwordHash: "x", unsubscribeKey: "k" },
    });
    const before = { source: await everyRow(open(source)), target: await everyRow(targetDb) };
    const { code, stdout, stderr } = await copy(source, target);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      "Copy refused: The target database is not empty: User (1). Copy into a new, empty database; nothing was written.",
    );
    expect({ source: await everyRow(open(source)), target: await everyRow(targetDb) }).toEqual(before);
  });

  it("a source that is not a Quire site", async () => {
    const empty = path.join(dir, "empty.db");
    fs.writeFileSync(empty, "");
    const { code, stderr } = await copy(`file:${empty}`, `file:${path.join(dir, "never.db")}`);
    expect(code).toBe(1);
    expect(stderr).toContain("Copy refused: The source database has none of Quire's migrations: is it a Quire site?");
    expect(fs.existsSync(path.join(dir, "never.db"))).toBe(false);
  });
});

describe.skipIf(!POSTGRES_ADMIN_URL)(
  "npm run db:copy from SQLite to PostgreSQL (needs TEST_POSTGRES_URL or QUIRE_PG_ADMIN_URL)",
  () => {
    let sqliteUrl: string;
    let postgresUrl: string;
    let sqlite: PrismaClient;
    let postgres: PrismaClient;
    let result: Awaited<ReturnType<typeof copy>>;

    beforeAll(async () => {
      sqliteUrl = migratedSqlite("site.db");
      sqlite = open(sqliteUrl);
      await seedSite(sqlite);
      postgresUrl = await createPostgresDatabase("copy");
      databases.push(postgresUrl);
      result = await copy(sqliteUrl, postgresUrl);
      postgres = open(postgresUrl);
    }, 120_000);

    it("migrates the new database, copies every table with progress on stderr, and reports the rows", async () => {
      const postgresMigrations = fs.readdirSync(MIGRATIONS_DIRS.postgres).filter((name) => /^\d+_/.test(name)).length;
      expect(result.stderr).toContain(
        `Migrating the target: ${postgresMigrations} migration${postgresMigrations === 1 ? "" : "s"}.`,
      );
      expect(result.code).toBe(0);
      const sourceCounts = await counts(sqlite);
      // The seed and the extra rows leave no table empty, so every table's copy is tested.
      expect(Object.entries(sourceCounts).filter(([, rows]) => rows === 0)).toEqual([]);
      const total = Object.values(sourceCounts).reduce((sum, rows) => sum + rows, 0);
      expect(result.stdout).toMatch(new RegExp(`^Copied ${total.toLocaleString("en")} rows in [\\d.]+ s:$`, "m"));
      expect(result.stdout).toMatch(new RegExp(`^ +${sourceCounts.Comment}  Comment$`, "m"));
      expect(result.stderr).toMatch(new RegExp(`^Comment: ${sourceCounts.Comment} rows$`, "m"));
      expect(await counts(postgres)).toEqual(sourceCounts);
      console.info(result.stdout.split("\n")[0]);
    });

    it("keeps every article, post and user as they were", async () => {
      const articles = (db: PrismaClient) =>
        db.article.findMany({
          select: { id: true, slug: true, title: true, status: true, body: true, publishedAt: true },
          orderBy: { id: "asc" },
        });
      expect(await articles(postgres)).toEqual(await articles(sqlite));
      const posts = (db: PrismaClient) =>
        db.comment.findMany({
          select: {
            id: true,
            article: { select: { slug: true } },
            number: true,
            status: true,
            body: true,
            author: { select: { username: true } },
          },
          orderBy: { id: "asc" },
        });
      const copiedPosts = await posts(postgres);
      expect(copiedPosts).toEqual(await posts(sqlite));
      expect(copiedPosts.some((post) => post.status === "PENDING" && post.body.includes("ü ✓"))).toBe(true);
      const users = (db: PrismaClient) =>
        db.user.findMany({
          select: { id: true, username: true, email: true, role: true, passwordHash: true, bannedUntil: true },
          orderBy: { id: "asc" },
        });
      expect(await users(postgres)).toEqual(await users(sqlite));
      const mia = await postgres.user.findUniqueOrThrow({ where: { usernameKey: "mia_moves" }, include: { resetTokens: true } });
      expect(await verifyPassword(mia.passwordHash, "mia-moves-to-postgres")).toBe(true);
      expect(mia.resetTokens.map((token) => token.tokenHash)).toEqual(["reset-token-hash"]);
      const admin = await postgres.user.findUniqueOrThrow({ where: { usernameKey: "admin" } });
      expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORDS.admin!)).toBe(true);
    });

    it("copies every row of every table exactly", async () => {
      expect(await everyRow(postgres)).toEqual(await everyRow(sqlite));
    });

    it("lets the new database take new rows (its id sequences moved past the copied ids)", async () => {
      const article = await postgres.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
      const maxComment = await postgres.comment.aggregate({ _max: { id: true } });
      const comment = await postgres.comment.create({
        data: { articleId: article.id, body: "Written after the move.", bodyHash: "after" },
      });
      expect(comment.id).toBeGreaterThan(maxComment._max.id!);
      const user = await postgres.user.create({
        data: {
          username: "after_move",
          usernameKey: "after_move",
          email: "after@example.org",
          passwordHash: "x",
          unsubscribeKey: "after-key",
        },
      });
      expect(user.id).toBeGreaterThan(Math.max(...(await sqlite.user.findMany({ select: { id: true } })).map((u) => u.id)));
      await postgres.comment.delete({ where: { id: comment.id } });
      await postgres.user.delete({ where: { id: user.id } });
    });

    it("fills PostgreSQL's search index: each published article is found by the words of its title", async () => {
      const engine = searchEngineFor("postgres", postgres);
      const published = await postgres.article.findMany({ where: { status: "PUBLISHED" }, select: { id: true, title: true } });
      expect(published.length).toBeGreaterThan(0);
      for (const article of published) {
        const found = await engine.rankMatches(queryWords(article.title), true, 100, 0);
        expect(
          found.map((match) => match.id),
          article.title,
        ).toContain(article.id);
      }
    });

    it("refuses to copy into it again, and changes nothing", async () => {
      const before = await everyRow(postgres);
      const again = await copy(sqliteUrl, postgresUrl);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/Copy refused: The target database is not empty: User \(\d+\), /);
      expect(await everyRow(postgres)).toEqual(before);
    });

    it("copies back from PostgreSQL to a new SQLite file, row for row", { timeout: 60_000 }, async () => {
      const back = `file:${path.join(dir, "back.db")}`;
      const { code, stderr } = await copy(postgresUrl, back);
      expect(stderr).toContain("Migrating the target: 7 migrations.");
      expect(code).toBe(0);
      const returned = open(back);
      expect(await everyRow(returned)).toEqual(await everyRow(sqlite));
      // The SQLite search index was filled by its triggers: the search finds a title word.
      const article = await returned.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
      const word = article.title.split(/\W+/).find((w) => w.length > 5)!;
      const hits = await returned.$queryRawUnsafe<{ rowid: number | bigint }[]>(
        `SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?`,
        `"${word}"`,
      );
      expect(hits.map((hit) => Number(hit.rowid))).toContain(article.id);
    });
  },
);
