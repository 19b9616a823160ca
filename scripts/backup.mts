// `npm run backup [-- <folder>]`: a consistent copy of the site's database
// (SQLite's online backup API, safe while the site serves) and its uploaded
// pictures, as one .tar.gz in ./backups (or the folder given).
import path from "node:path";
import { DATA_DIR, databaseUrl } from "../lib/config";
import { backupSite, databaseFileOf } from "../lib/db/backup";

try {
  const into = path.resolve(process.argv[2] ?? "backups");
  const summary = await backupSite({ databaseFile: databaseFileOf(databaseUrl()), dataDir: DATA_DIR, into });
  console.log(
    `Backed up ${summary.articles} articles, ${summary.posts} posts, ${summary.users} users and ${summary.uploads} picture files to ${summary.file}`,
  );
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
