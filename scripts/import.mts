// `npm run import -- [--pages] <file>`: imports a WordPress export (WXR) or a Disqus
// export into DATABASE_URL, all or nothing. Progress goes to stderr, the report to
// stdout. Exit code 0 when it imported (or had nothing new to import), 1 when the
// file was refused or the import failed (the database is then unchanged), 2 for usage.
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { ImportRefused, importSite, readExportFile } from "../lib/import/import-site";

const USAGE =
  "Usage: npm run import -- [--pages] <export.xml>\n  --pages  import WordPress pages as articles too (by default they are skipped)";

let args: ReturnType<typeof parseCommandLine>;
try {
  args = parseCommandLine();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    options: { pages: { type: "boolean", default: false }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error("Name one export file to import.");
  return { file: positionals[0]!, pages: values.pages };
}

try {
  const report = await importSite(db, await readExportFile(args.file), {
    includePages: args.pages,
    onProgress: (line) => console.error(line),
  });
  console.log(report.toText());
} catch (error) {
  if (error instanceof ImportRefused) {
    console.error(`Import refused: ${error.message}`);
  } else {
    console.error("Import failed, and nothing was written:", error);
  }
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
