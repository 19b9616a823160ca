// `npm run export -- [--format wxr|json] [--out <file>]`: the site as WordPress WXR 1.2
// (the default; WordPress's importer reads it) or JSON, written to <file> (default
// ./quire-export-<time>.xml or .json; `--out -` writes to stdout). Reads DATABASE_URL.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { writeSiteExport } from "../lib/export/export-site";
import { exportQuerySchema } from "../lib/export/schema";

const USAGE = "Usage: npm run export -- [--format wxr|json] [--out <file>]";

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    options: { format: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Error(`Unexpected argument: ${positionals[0]}`);
  const query = exportQuerySchema.safeParse({ format: values.format });
  if (!query.success) throw new Error(query.error.issues[0]!.message);
  return { format: query.data.format, out: values.out };
}

let args: ReturnType<typeof parseCommandLine>;
try {
  args = parseCommandLine();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

try {
  const file = await writeSiteExport(db, args.format);
  const out = args.out ?? file.filename;
  if (out === "-") process.stdout.write(file.body);
  else await fs.writeFile(out, file.body);
  console.error(
    `Exported ${file.articles} articles and ${file.posts} posts as ${args.format.toUpperCase()}${out === "-" ? "" : ` to ${out}`}.`,
  );
} catch (error) {
  console.error("Export failed:", error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
