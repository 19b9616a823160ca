// Seeds the demo corpus only into a database with no articles and no users,
// so `npm start` never brings demo content back into a site that removed it.
import { db } from "@/lib/db";
import { loadContent } from "./content";
import { seedDatabase } from "./seed";

const empty = (await db.article.count()) === 0 && (await db.user.count()) === 0;
if (empty) {
  const summary = await seedDatabase(db, loadContent());
  console.log(`Empty database: seeded ${summary.articles} demo articles and ${summary.postsSeeded} posts.`);
}
await db.$disconnect();
