// Run by the production start (scripts/server/main.mts) in a child process of
// its own, bundled to .next/quire/prepare-database.mjs: applies pending
// migrations, then seeds the demo corpus into a database with no articles and
// no users, so `npm start` never brings demo content back into a site that
// removed it. The child exits, so none of this stays in the server's memory.
import { connectDatabase } from "@/lib/db/connect";
import { dialectOf } from "@/lib/db/dialect";
import { MIGRATIONS_DIRS, pendingMigrations } from "@/lib/db/migrations";
import { holdingStartLock } from "@/lib/db/start-lock";
import { migrateDeploy } from "@/lib/db/migrate-deploy";
import { loadContent } from "../../prisma/seed/content";
import { seedDatabase } from "../../prisma/seed/seed";

const url = process.env.DATABASE_URL!;

// Several processes of one site may start at once on PostgreSQL: one at a time
// migrates and seeds, so the demo content is seeded once. (On SQLite the file
// is this machine's, and the schema engine needs it free.)
await holdingStartLock(url, async () => {
  // Each client is closed before the next step: the schema engine must find a SQLite database free.
  const probe = connectDatabase(url);
  const pending = await pendingMigrations(probe, MIGRATIONS_DIRS[dialectOf(url)]);
  await probe.$disconnect();
  if (pending.length > 0) {
    console.log(`Applying ${pending.length} migration${pending.length === 1 ? "" : "s"}: ${pending.join(", ")}`);
    await migrateDeploy(url).catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
  }

  const db = connectDatabase(url);
  const empty = (await db.article.count()) === 0 && (await db.user.count()) === 0;
  if (empty) {
    const summary = await seedDatabase(db, loadContent());
    console.log(`Empty database: seeded ${summary.articles} demo articles and ${summary.postsSeeded} posts.`);
  }
  await db.$disconnect();
});
