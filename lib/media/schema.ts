import { z } from "zod";
import { recordId } from "@/lib/validation";

/** The largest picture an editor may upload, before it is re-encoded. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The JSON body that carries it: base64 is 4/3 of the bytes, plus the alt text and a little framing. */
const MAX_BASE64_LENGTH = 4 * Math.ceil(MAX_IMAGE_BYTES / 3);
export const MAX_IMAGE_JSON_BYTES = MAX_BASE64_LENGTH + 16 * 1024;

/** Widths every picture is served at (those below its own width), for `srcset`. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const imageUploadSchema = z.object({
  alt: z
    .string({ error: "Describe the picture in the alt text." })
    .trim()
    .min(3, "Describe the picture in the alt text (at least 3 characters): readers who cannot see it depend on it.")
    .max(300, "Keep the alt text under 300 characters; put longer explanations in the article."),
  articleId: recordId("Choose the article the picture is for.").optional(),
  /** The file's bytes, base64-encoded (a `data:` URL prefix is accepted and ignored). */
  data: z
    .string({ error: "Choose a picture to upload." })
    .transform((value) => value.replace(/^data:[^,]*,/, "").replace(/\s+/g, ""))
    .pipe(
      z
        .string()
        .min(1, "Choose a picture to upload.")
        .max(MAX_BASE64_LENGTH, `The picture must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`)
        .regex(BASE64, "The picture did not arrive intact (its data is not base64). Please choose it again."),
    ),
});
export type ImageUploadInput = z.output<typeof imageUploadSchema>;
