// `npm run restore -- <backup.tar.gz>`: checks a backup made by `npm run
// backup`, then puts its database and pictures in place of the data
// directory's (which are kept beside them). Stop the site first.
import { DATA_DIR, databaseUrl } from "../lib/config";
import { databaseFileOf, restoreSite } from "../lib/db/backup";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore -- <backup file made by npm run backup>");
  process.exit(2);
}
try {
  const summary = await restoreSite({ file, databaseFile: databaseFileOf(databaseUrl()), dataDir: DATA_DIR });
  console.log(
    `Restored ${summary.articles} articles, ${summary.posts} posts, ${summary.users} users and ${summary.uploads} picture files` +
      ` from the backup of ${summary.createdAt || "an unknown time"}. Start the site again with npm start.`,
  );
} catch (error) {
  console.error(`Restore failed, nothing was changed: ${(error as Error).message}`);
  process.exitCode = 1;
}
