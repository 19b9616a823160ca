import {
  BLOCKS,
  DROPPED,
  parseHtml,
  safeUrl,
  stripMediaShortcodes,
  textContent,
  type HtmlElement,
  type HtmlNode,
} from "./html-tree";

/*
 * Imported article HTML becomes Markdown, the form Quire keeps articles in,
 * so that editors can go on editing it and it renders through the same
 * sanitizer as every article (lib/markdown.ts). Only structure survives:
 * headings, paragraphs, emphasis, links, pictures, lists, quotes, code,
 * tables. Scripts, styles, forms, event handlers and javascript: addresses
 * never reach the Markdown. No well-kept HTML-to-Markdown library is among
 * Quire's dependencies (turndown needs a DOM), hence this walker.
 */

// A paragraph break inside a run of inline content (WordPress's blank lines).
const BREAK = "\u0001";
const HARD_BREAK = "\\\n";
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

type Context = { newlinesAreBreaks: boolean; inInline: boolean };

/**
 * `newlinesAreBreaks`: WordPress stores post content with bare newlines for
 * paragraphs and line breaks (its wpautop adds <p> and <br> when showing it).
 */
export function htmlToMarkdown(html: string, { newlinesAreBreaks }: { newlinesAreBreaks: boolean }): string {
  const source = (newlinesAreBreaks ? stripMediaShortcodes(html) : html).replace(CONTROL_CHARACTERS, "");
  return blocks(parseHtml(source), { newlinesAreBreaks, inInline: false }).join("\n\n").trim();
}

/** Block-level rendering: a list of Markdown blocks, joined by blank lines. */
function blocks(nodes: HtmlNode[], context: Context): string[] {
  const out: string[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    for (const paragraph of inline(run, context).split(BREAK)) {
      const text = escapeLineStarts(tidyLines(paragraph));
      if (text) out.push(text);
    }
    run = [];
  };
  for (const node of nodes) {
    if (node.type === "element" && DROPPED.has(node.tag)) continue;
    if (node.type === "element" && BLOCKS.has(node.tag)) {
      flush();
      out.push(...block(node, context));
    } else {
      run.push(node);
    }
  }
  flush();
  return out;
}

function block(node: HtmlElement, context: Context): string[] {
  const heading = /^h([1-6])$/.exec(node.tag);
  if (heading) {
    const text = inline(node.children, context).replaceAll(BREAK, " ").replace(/\\\n/g, " ").replace(/\s+/g, " ").trim();
    return text ? [`${"#".repeat(Number(heading[1]))} ${text}`] : [];
  }
  switch (node.tag) {
    case "hr":
      return ["* * *"];
    case "pre":
      return [fencedCode(textContent(node.children))];
    case "blockquote": {
      const inner = blocks(node.children, context).join("\n\n");
      return inner ? [prefixLines(inner, "> ", ">")] : [];
    }
    case "ul":
    case "ol":
      return list(node, context);
    case "table":
      return table(node, context);
    default:
      return blocks(node.children, context);
  }
}

function list(node: HtmlElement, context: Context): string[] {
  const start = Number(node.attributes.start) || 1;
  const items = node.children.filter((child) => child.type === "element" && child.tag === "li") as HtmlElement[];
  const lines = items.map((item, index) => {
    const marker = node.tag === "ol" ? `${start + index}. ` : "- ";
    const inner = blocks(item.children, context).join("\n\n") || "";
    const indent = " ".repeat(marker.length);
    return (
      marker +
      inner
        .split("\n")
        .join(`\n${indent}`)
        .replace(/\n\s+\n/g, "\n\n")
    );
  });
  return lines.length > 0 ? [lines.join("\n")] : [];
}

function table(node: HtmlElement, context: Context): string[] {
  const rows: HtmlElement[] = [];
  const collect = (parent: HtmlElement) => {
    for (const child of parent.children) {
      if (child.type !== "element") continue;
      if (child.tag === "tr") rows.push(child);
      else if (["thead", "tbody", "tfoot"].includes(child.tag)) collect(child);
    }
  };
  collect(node);
  const cells = rows.map((row) =>
    row.children
      .filter((cell): cell is HtmlElement => cell.type === "element" && (cell.tag === "td" || cell.tag === "th"))
      .map((cell) => inline(cell.children, context).replaceAll(BREAK, " ").replace(/\\\n/g, " ").replace(/\s+/g, " ").trim()),
  );
  const width = Math.max(0, ...cells.map((row) => row.length));
  if (width === 0) return [];
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? "").join(" | ")} |`;
  return [[line(cells[0]!), `|${" --- |".repeat(width)}`, ...cells.slice(1).map(line)].join("\n")];
}

/** Inline rendering: text and inline elements as one Markdown string (BREAK where a paragraph ends). */
function inline(nodes: HtmlNode[], context: Context): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += inlineText(node.text, context);
    else if (!DROPPED.has(node.tag)) out += inlineElement(node, context);
  }
  return out;
}

function inlineText(text: string, context: Context): string {
  if (!context.newlinesAreBreaks) return escapeText(text.replace(/\s+/g, " "));
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeText(line.replace(/[ \t]+/g, " ")))
        .join(HARD_BREAK),
    )
    .join(context.inInline ? HARD_BREAK : BREAK);
}

function inlineElement(node: HtmlElement, context: Context): string {
  const nested = { ...context, inInline: true };
  const wrap = (mark: string) => surround(inline(node.children, nested), mark);
  switch (node.tag) {
    case "br":
      return HARD_BREAK;
    case "strong":
    case "b":
      return wrap("**");
    case "em":
    case "i":
    case "cite":
    case "dfn":
    case "var":
      return wrap("*");
    case "del":
    case "s":
    case "strike":
      return wrap("~~");
    case "code":
    case "kbd":
    case "samp":
    case "tt":
      return inlineCode(textContent(node.children));
    case "sup":
    case "sub": {
      const inner = inline(node.children, nested).trim();
      return inner ? `<${node.tag}>${inner}</${node.tag}>` : "";
    }
    case "a":
      return link(node, nested);
    case "img":
      return picture(node);
    case "iframe":
    case "embed":
    case "video":
    case "audio": {
      const source = node.children.find((child): child is HtmlElement => child.type === "element" && child.tag === "source");
      const src = safeUrl(node.attributes.src ?? source?.attributes.src, { allowMailto: false });
      return src && /^https?:/i.test(src) ? `[Embedded media](${destination(src)})` : "";
    }
    default:
      return inline(node.children, nested);
  }
}

function link(node: HtmlElement, context: Context): string {
  const inner = inline(node.children, context).trim();
  const href = safeUrl(node.attributes.href);
  if (!href) return inner;
  const title = node.attributes.title?.trim();
  const titlePart = title ? ` "${title.replace(/["\\]/g, "\\$&").replace(/\s+/g, " ")}"` : "";
  return `[${inner || escapeText(href)}](${destination(href)}${titlePart})`;
}

function picture(node: HtmlElement): string {
  const src = safeUrl(node.attributes.src, { allowMailto: false });
  if (!src) return "";
  // Quire asks every picture for alt text; one without keeps a description-shaped placeholder.
  const alt = (node.attributes.alt || node.attributes.title || "Picture").replace(/\s+/g, " ").trim() || "Picture";
  return `![${escapeText(alt)}](${destination(src)})`;
}

/** A link destination in <...>, which may hold spaces and parentheses; only < > and newlines need encoding. */
function destination(url: string): string {
  return `<${url.replace(/[<>\n\r]/g, (c) => encodeURIComponent(c))}>`;
}

/** Emphasis around the text, with the spaces at its ends kept outside (CommonMark's flanking rules). */
function surround(text: string, mark: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${mark}${match[2]}${mark}${match[3]}` : text;
}

function inlineCode(code: string): string {
  const text = code.replace(/\s+/g, " ");
  if (!text.trim()) return "";
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function fencedCode(code: string): string {
  const text = code.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** Characters that Markdown would read as markup, backslash-escaped (CommonMark lets any ASCII punctuation be). */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;");
}

/** Lines that would start a heading, list, quote, rule or fence are escaped at their first character. */
function escapeLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line);
      if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
      return /^(#{1,6}(\s|$)|[-+*](\s|$)|=+\s*$|-+\s*$|\+)/.test(line) ? `\\${line}` : line;
    })
    .join("\n");
}

/** No line may start with spaces (four would make a code block) or end with them. */
function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^\s+/, "").replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/^\\\n|\\\n$/g, "")
    .trim();
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `${prefix}${line}` : emptyPrefix))
    .join("\n");
}
