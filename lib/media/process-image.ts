import "server-only";
import sharp from "sharp";
import { ValidationError } from "@/lib/errors";
import { detectImageFormat, hasTrailingData } from "./image-format";
import { MAX_IMAGE_BYTES } from "./schema";
import { servedWidthsFor } from "./widths";

/**
 * Decompression bombs: a small file that decodes to billions of pixels. 40
 * megapixels is more than any camera an editor is likely to use (an 8K frame
 * is 33), and sharp refuses to decode past it.
 */
const MAX_INPUT_PIXELS = 40_000_000;
const WEBP_QUALITY = 80;

export type ProcessedImage = {
  /** Of the picture as it will be seen (after turning it upright), at its largest served width. */
  width: number;
  height: number;
  variants: { width: number; bytes: Buffer }[];
};

const refused = (sentence: string) => new ValidationError(sentence, { data: [sentence] });

/**
 * Turns an upload into the files Quire serves: each picture is decoded and
 * encoded afresh as WebP at a few widths, so nothing of the original file
 * survives (no EXIF, GPS or other metadata, no second payload). Only the
 * upright first frame is kept.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw refused("The file is empty. Choose a picture to upload.");
  if (bytes.length > MAX_IMAGE_BYTES) throw refused(`The picture must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const format = detectImageFormat(bytes);
  if (!format) {
    throw refused(
      "Upload a JPEG, PNG, WebP or GIF picture. This file is none of those (SVG is not accepted, as it can carry script).",
    );
  }
  const source = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
  let upright: { width: number; height: number };
  try {
    const metadata = await source().metadata();
    if (metadata.format !== format) throw new Error(`decoded as ${metadata.format}, signed as ${format}`);
    const turned = (metadata.orientation ?? 1) >= 5;
    upright = turned
      ? { width: metadata.height ?? 0, height: metadata.width ?? 0 }
      : { width: metadata.width ?? 0, height: metadata.height ?? 0 };
    if ((metadata.width ?? 0) * (metadata.pageHeight ?? metadata.height ?? 0) > MAX_INPUT_PIXELS) {
      throw new PixelLimit();
    }
  } catch (error) {
    throw decodeFailure(error);
  }
  const widths = servedWidthsFor(upright.width);
  try {
    // One decoded input, turned upright once; each width is a clone of that pipeline.
    const uprightPipeline = source().rotate();
    const variants = await Promise.all(
      widths.map(async (width) => ({
        width,
        bytes: await uprightPipeline
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer(),
      })),
    );
    // Checked once the picture decoded whole, so that a damaged file is called damaged.
    if (hasTrailingData(bytes, format)) {
      throw refused(
        "This file has something else hidden after the picture, so it was refused. Save the picture again in an image editor and upload that.",
      );
    }
    const largest = widths.at(-1)!;
    return { width: largest, height: Math.max(1, Math.round((upright.height * largest) / upright.width)), variants };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw decodeFailure(error);
  }
}

class PixelLimit extends Error {}

function decodeFailure(error: unknown): ValidationError {
  const message = error instanceof Error ? error.message : "";
  if (error instanceof PixelLimit || /pixel limit/i.test(message)) {
    return refused(
      `The picture is too large in pixels (at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels). Make it smaller and upload it again.`,
    );
  }
  return refused("This picture could not be read: the file is damaged or not really the kind of picture it claims to be.");
}
