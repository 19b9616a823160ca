import { readImageFile } from "@/lib/media/images";

const A_YEAR = 365 * 24 * 60 * 60;

/**
 * Uploaded pictures. A picture's address never changes its bytes (a new
 * upload gets a new key), so browsers and proxies may keep it for a year.
 * `nosniff` and a sandboxing CSP make sure the bytes are only ever a picture.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  const bytes = await readImageFile(key, file);
  if (!bytes) {
    return new Response("No such picture.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
    });
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      "cache-control": `public, max-age=${A_YEAR}, immutable`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
