import { BLOCKS, DROPPED, parseHtml, safeUrl, textContent, type HtmlNode } from "./html-tree";

// Marks a paragraph break while the text is assembled; never in a reader's text (control characters are removed first).
const BREAK = "\u0001";
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A comment's HTML as the plain text Quire stores for posts: paragraphs
 * separated by blank lines, <br> as a line break, a link as its text followed
 * by its address (Quire links addresses in posts itself), pictures as their
 * alt text, quotes as "> " lines, markup and scripts gone.
 *
 * `newlinesAreBreaks`: WordPress stores comments with bare newlines for line
 * and paragraph breaks (it adds the <p> and <br> when it shows them); Disqus
 * stores real HTML, where a newline is just a space.
 */
export function htmlToText(html: string, { newlinesAreBreaks }: { newlinesAreBreaks: boolean }): string {
  const text = render(parseHtml(html.replace(CONTROL_CHARACTERS, "")), newlinesAreBreaks);
  return text
    .split(BREAK)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
        .join("\n")
        .replace(/^\n+|\n+$/g, ""),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
}

function render(nodes: HtmlNode[], newlinesAreBreaks: boolean): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") {
      out += newlinesAreBreaks
        ? node.text.replace(/\r\n?/g, "\n").replace(/\n[ \t]*\n\s*/g, BREAK)
        : node.text.replace(/\s+/g, " ");
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    out += renderElement(node, newlinesAreBreaks);
  }
  return out;
}

function renderElement(node: Extract<HtmlNode, { type: "element" }>, newlinesAreBreaks: boolean): string {
  switch (node.tag) {
    case "br":
      return "\n";
    case "img":
      return node.attributes.alt?.trim() ?? "";
    case "pre":
      return `${BREAK}${textContent(node.children).replace(/^\n+|\s+$/g, "")}${BREAK}`;
    case "a": {
      const inner = render(node.children, newlinesAreBreaks);
      const href = safeUrl(node.attributes.href, { allowMailto: false });
      if (!href || !/^https?:/i.test(href)) return inner;
      const shown = inner.trim();
      // Disqus shortens long addresses in the text ("https://www.facebook.com/be..."): show the whole one.
      const shortened = shown.replace(/(\.\.\.|…)$/, "");
      if (!shown || href === shown || (shortened !== shown && href.startsWith(shortened))) return href;
      return `${inner} (${href})`;
    }
    case "li":
      return `\n- ${render(node.children, newlinesAreBreaks).trim()}`;
    case "blockquote": {
      const quoted = htmlToTextFromNodes(node.children, newlinesAreBreaks);
      return `${BREAK}${quoted
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n")}${BREAK}`;
    }
    default: {
      const inner = render(node.children, newlinesAreBreaks);
      return BLOCKS.has(node.tag) ? `${BREAK}${inner}${BREAK}` : inner;
    }
  }
}

function htmlToTextFromNodes(nodes: HtmlNode[], newlinesAreBreaks: boolean): string {
  return render(nodes, newlinesAreBreaks)
    .split(BREAK)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join("\n\n");
}
