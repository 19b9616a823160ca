// `npm run db:seed`: loads the demo corpus into DATABASE_URL (idempotent).
import { db } from "@/lib/db";
import { loadContent } from "./content";
import { seedDatabase } from "./seed";

const summary = await seedDatabase(db, loadContent());
console.log(
  `Seeded ${summary.articles} articles, ${summary.people} people, ${summary.facts} facts, ` +
    `${summary.historyDays} history days; ${summary.postsSeeded} new posts.`,
);
await db.$disconnect();
