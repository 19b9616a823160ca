import { findSlugForShortLink, shortLinkId } from "@/lib/articles/short-link";

export const dynamic = "force-dynamic";

/** A printed article's short link (lib/articles/short-link.ts): 301 to where the article is now. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = shortLinkId.safeParse((await params).id);
  const slug = id.success ? await findSlugForShortLink(id.data) : null;
  if (!slug) {
    return new Response("No published article has this short link. Check the address, or search Quire for the title.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(null, { status: 301, headers: { location: `/articles/${encodeURIComponent(slug)}` } });
}
