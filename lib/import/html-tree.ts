import { Parser } from "htmlparser2";

/** A small HTML tree: enough to turn imported markup into Quire's Markdown or plain text. */
export type HtmlNode =
  { type: "text"; text: string } | { type: "element"; tag: string; attributes: Record<string, string>; children: HtmlNode[] };
export type HtmlElement = Extract<HtmlNode, { type: "element" }>;

/**
 * Parses HTML as browsers do (htmlparser2: implied end tags, void elements,
 * entities decoded). Comments (WordPress's <!--more--> and block markers) are
 * dropped; nothing here is ever rendered as HTML.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: "element", tag: "#root", attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const element: HtmlElement = { type: "element", tag, attributes, children: [] };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const children = stack.at(-1)!.children;
        const last = children.at(-1);
        if (last?.type === "text") last.text += text;
        else children.push({ type: "text", text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

/** Elements whose content is never text a reader wrote. */
export const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "meta",
  "link",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "svg",
  "math",
  "canvas",
  "object",
  "param",
]);

/** Elements that start a new block of text. */
export const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "address",
  "center",
  "figure",
  "figcaption",
  "details",
  "summary",
  "dl",
  "dt",
  "dd",
  "fieldset",
  "blockquote",
  "ul",
  "ol",
  "li",
  "pre",
  "hr",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);

/** All the text inside, as written (for <pre> and code). */
export function textContent(nodes: HtmlNode[]): string {
  return nodes
    .map((node) =>
      node.type === "text" ? node.text : DROPPED.has(node.tag) ? "" : node.tag === "br" ? "\n" : textContent(node.children),
    )
    .join("");
}

/** An address Quire may link to or load a picture from: http(s), mailto (links only), or relative to the old site. */
export function safeUrl(value: string | undefined, { allowMailto = true } = {}): string | null {
  const url = (value ?? "").trim();
  if (!url) return null;
  if (/^https?:\/\//i.test(url) || (allowMailto && /^mailto:/i.test(url))) return url;
  if (/^[/#?]/.test(url) && !url.startsWith("//")) return url;
  return null;
}

/**
 * WordPress shortcodes that wrap media ([caption], [gallery], [embed]...): they
 * mean nothing outside WordPress, so the brackets go and what they wrap stays.
 */
export function stripMediaShortcodes(html: string): string {
  return html.replace(/\[\/?(?:caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]{0,2000}\]/gi, "");
}
