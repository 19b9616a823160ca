import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { recordAuditEvent } from "@/lib/audit/events";
import { DATA_DIR } from "@/lib/config";
import { db } from "@/lib/db";
import { assertCanEdit } from "@/lib/editorial/permissions";
import { NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/moderation/permissions";
import { processImage } from "./process-image";
import { imageUrl, markdownForImage } from "./urls";
import type { ImageUploadInput } from "./schema";

/** Uploaded pictures live under the data directory, one folder per picture, one file per width. */
export const IMAGES_DIR = path.join(DATA_DIR, "uploads", "images");

export type UploadedImage = {
  key: string;
  width: number;
  height: number;
  widths: number[];
  alt: string;
  /** The largest width's address; the others follow from it (see ./urls.ts). */
  url: string;
  /** Ready to paste into an article: `![alt](url)`. */
  markdown: string;
};

/**
 * An editor's upload: checked and re-encoded (./process-image.ts), written
 * under the data directory, then recorded with its alt text. The files are
 * in place before the row exists, so a recorded picture always has its files.
 */
export async function uploadImage(actor: Actor, input: ImageUploadInput): Promise<UploadedImage> {
  const editor = assertCanEdit(actor);
  if (input.articleId !== undefined) {
    const article = await db.article.findUnique({ where: { id: input.articleId }, select: { id: true } });
    if (!article) throw new NotFound("That article does not exist (any more).");
  }
  const bytes = Buffer.from(input.data, "base64");
  const processed = await processImage(bytes);
  const key = crypto.randomBytes(12).toString("hex");
  const folder = path.join(IMAGES_DIR, key);
  await fs.mkdir(folder, { recursive: true });
  try {
    for (const variant of processed.variants) await fs.writeFile(path.join(folder, `${variant.width}.webp`), variant.bytes);
    const widths = processed.variants.map((variant) => variant.width);
    await db.$transaction(async (tx) => {
      const image = await tx.image.create({
        data: {
          key,
          articleId: input.articleId ?? null,
          width: processed.width,
          height: processed.height,
          widths: widths.join(","),
          alt: input.alt,
          bytes: bytes.length,
          uploadedById: editor.id,
        },
      });
      await recordAuditEvent(tx, {
        actorId: editor.id,
        action: "image.upload",
        subjectType: "image",
        subjectId: image.id,
        summary: `Uploaded a picture (${processed.width}×${processed.height}): “${input.alt}”.`,
      });
    });
    const url = imageUrl(key, processed.width);
    const { width, height } = processed;
    return { key, width, height, widths, alt: input.alt, url, markdown: markdownForImage(input.alt, url) };
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The file behind a `/media/<key>/<width>.webp` address, or null when there is none. */
export async function readImageFile(key: string, file: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{24}$/.test(key) || !/^\d{1,5}\.webp$/.test(file)) return null;
  try {
    return await fs.readFile(path.join(IMAGES_DIR, key, file));
  } catch {
    return null;
  }
}
