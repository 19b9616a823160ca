import "server-only";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { srcsetFor } from "@/lib/media/urls";
import { MARKDOWN_TAGS } from "@/lib/markdown-tags";

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Article Markdown comes from the editorial team, but it is sanitized anyway:
 * a compromised or careless editor account must not be able to put script on
 * every reader's page. Only document structure survives.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_TAGS],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "srcset", "sizes", "loading", "decoding"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  transformTags: {
    // Article bodies sit under the page's h1, so a stray "# " heading becomes h2.
    h1: "h2",
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
    // Only Quire's own uploads get a srcset, built from their address; whatever
    // srcset or sizes the Markdown's raw HTML wrote is dropped.
    img: (tagName, { src = "", alt, title }) => {
      const srcset = srcsetFor(src);
      const attribs: Record<string, string> = { src, loading: "lazy", decoding: "async" };
      if (srcset) Object.assign(attribs, { srcset, sizes: "(max-width: 760px) 100vw, 720px" });
      if (alt !== undefined) attribs.alt = alt;
      if (title !== undefined) attribs.title = title;
      return { tagName, attribs };
    },
  },
};

const rendered = new Map<string, string>();
const MAX_CACHED = 500;

/** Markdown to safe HTML. Results are memoized by source, since articles change rarely. */
export function renderMarkdown(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = sanitizeHtml(marked.parse(markdown) as string, {
    ...SANITIZE_OPTIONS,
    allowedAttributes: { ...SANITIZE_OPTIONS.allowedAttributes, a: ["href", "title", "rel"] },
  });
  if (rendered.size >= MAX_CACHED) rendered.delete(rendered.keys().next().value!);
  rendered.set(markdown, html);
  return html;
}
