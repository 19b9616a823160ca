import "server-only";
import fs from "node:fs/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { changed, pagesChanged } from "@/lib/cache";
import { BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-adapter";
import { isDisqus, readDisqus } from "./disqus";
import { ImportRefused } from "./errors";
import { planImport, type ImportOptions } from "./plan";
import { ImportReport, plural } from "./report";
import { checkSourceFile } from "./schema";
import { writeImport } from "./write";
import { isWxr, readWxr } from "./wxr";
import { assertFileSize, decodeExport, parseXml } from "./xml-tree";

export { ImportRefused, ImportReport };

/** Long enough for the largest file the reader accepts; the write lock is held throughout, so run it while the site is quiet. */
const TRANSACTION_TIMEOUT_MS = 30 * 60 * 1000;
const PROGRESS_EVERY = 100;

/** Reads an export file from disk, refusing one too large to read before reading it. */
export async function readExportFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new ImportRefused(`${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message}.`,
    );
  }
  assertFileSize(size);
  return fs.readFile(path);
}

/**
 * Imports a WordPress (WXR 1.0–1.2) or Disqus export, told apart by its
 * content. Everything is read, checked and planned first; then one
 * transaction writes it all, so a file that is refused, or a write that fails
 * half-way, leaves the database exactly as it was. Idempotent: what an
 * earlier run imported (by import key) is left alone. Throws ImportRefused
 * for a file that cannot be imported; returns the report otherwise.
 */
export async function importSite(
  client: PrismaClient,
  bytes: Uint8Array,
  { onProgress = () => {}, ...options }: ImportOptions & { onProgress?: (line: string) => void } = {},
): Promise<ImportReport> {
  const root = parseXml(decodeExport(bytes));
  const raw = isWxr(root) ? readWxr(root) : isDisqus(root) ? readDisqus(root) : null;
  if (!raw) {
    throw new ImportRefused(
      `This is XML, but not a WordPress export (WXR) or a Disqus export: its root element is <${root.name.slice(0, 40)}>. Nothing was imported.`,
    );
  }
  const file = checkSourceFile(raw);
  const comments = file.articles.reduce((n, article) => n + article.comments.length, file.orphanComments.length);
  const report = new ImportReport(file.formatName, {
    items: file.items,
    itemWord: file.format === "wxr" ? "item" : "thread",
    comments,
  });
  const plan = planImport(file, report, options);
  const total = plan.reduce((n, article) => n + 1 + article.posts.length, 0);
  onProgress(
    `Read the file: ${file.items.toLocaleString("en-US")} ${file.format === "wxr" ? "items" : "threads"}, ${plural(comments, "comment")}. Writing ${plural(total, "article or post", "articles and posts")} in one transaction…`,
  );

  let reported = 0;
  await client.$transaction(
    (tx) =>
      writeImport(tx, file, plan, report, (done) => {
        if (done - reported >= PROGRESS_EVERY || (done === total && total >= PROGRESS_EVERY)) {
          reported = done;
          onProgress(`  ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`);
        }
      }),
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: BUSY_TIMEOUT_MS },
  );
  if (!report.nothingNew) pagesChanged(changed.everything());
  return report;
}
