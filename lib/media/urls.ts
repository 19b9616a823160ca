import { servedWidthsFor } from "./widths";

/**
 * Addresses of uploaded pictures: `/media/<key>/<width>.webp`. An article's
 * Markdown names the largest width; the smaller ones, for `srcset`, follow
 * from it, since every picture is cut to the same ladder of widths.
 */
const MEDIA_URL = /^\/media\/([0-9a-f]{24})\/(\d{1,5})\.webp$/;

export function imageUrl(key: string, width: number): string {
  return `/media/${key}/${width}.webp`;
}

export function markdownForImage(alt: string, url: string): string {
  const safeAlt = alt.replace(/[[\]\\]/g, "\\$&").replace(/\s+/g, " ");
  return `![${safeAlt}](${url})`;
}

/** The `srcset` for an uploaded picture's address, or null for any other address. */
export function srcsetFor(src: string): string | null {
  const match = MEDIA_URL.exec(src);
  if (!match) return null;
  const [, key, largest] = match as unknown as [string, string, string];
  return servedWidthsFor(Number(largest))
    .map((width) => `${imageUrl(key, width)} ${width}w`)
    .join(", ");
}
