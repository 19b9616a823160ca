import { IMAGE_WIDTHS } from "./schema";

/** The ladder's widths below a picture's own, then its own (capped at the ladder's top). */
export function servedWidthsFor(width: number): number[] {
  const top = Math.min(width, IMAGE_WIDTHS.at(-1)!);
  return [...IMAGE_WIDTHS.filter((w) => w < top), top];
}
