import path from "node:path";
import crypto from "node:crypto";
import fs from "node:fs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TMP_DIR = path.join(ROOT, "tests", ".tmp");

/** A new empty folder under tests/.tmp for one test run's files. */
export function freshTmpDir(prefix: string): string {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  return fs.mkdtempSync(path.join(TMP_DIR, `${prefix}-${crypto.randomBytes(3).toString("hex")}-`));
}

export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}
