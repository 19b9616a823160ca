import { getCurrentUser } from "@/lib/auth/session";
import { assertCanEdit } from "@/lib/editorial/permissions";
import { json, readJsonBody, route } from "@/lib/http";
import { uploadImage } from "@/lib/media/images";
import { imageUploadSchema, MAX_IMAGE_JSON_BYTES } from "@/lib/media/schema";

/**
 * A picture for an article: `{alt, data (base64), articleId?}`. Answers 201
 * with its address and the Markdown to insert. The type is judged from the
 * bytes; anything but a JPEG, PNG, WebP or GIF is refused with a sentence.
 */
export const POST = route(async (request) => {
  const actor = await getCurrentUser();
  // Checked again inside uploadImage; here first, so nobody else gets to send megabytes.
  assertCanEdit(actor);
  const input = await readJsonBody(request, imageUploadSchema, MAX_IMAGE_JSON_BYTES);
  return json({ image: await uploadImage(actor, input) }, 201);
});
